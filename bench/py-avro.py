#!/usr/bin/env python3
"""The Python baseline of bench/formats.sh: confluent-kafka's AvroSerializer / AvroDeserializer
with the example registry's order-shipped v2 schema (schemas/order-shipped/v2.avsc, shop.Money
inlined from schemas/_common/money.avsc), registered under id 102 in confluent-kafka's in-process
mock schema registry (no HTTP: the baseline pays nothing a real registry would add per schema).

    bench/py-avro.py produce FILE TOPIC   # JSON Lines -> framed Avro records (as evtctl publish)
    bench/py-avro.py consume TOPIC N      # read N records from the beginning and decode each

Input is read as evtctl reads it: each line is parsed and turned into what the serializer takes
(the decimal string to Decimal, the RFC 3339 time to a datetime). Prints the count done.
Needs confluent-kafka and fastavro. Brokers: $EVTCTL_BROKERS.
"""
import json
import os
import sys
from datetime import datetime
from decimal import Decimal

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.schema_registry import SchemaRegistryClient, Schema
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas")


def schema_text():
    money = json.load(open(os.path.join(ROOT, "_common", "money.avsc")))
    shipped = json.load(open(os.path.join(ROOT, "order-shipped", "v2.avsc")))
    for f in shipped["fields"]:
        if f["type"] == "shop.Money":
            f["type"] = money
    return json.dumps(shipped)


def registry(topic):
    client = SchemaRegistryClient.new_client({"url": "mock://bench"})
    client._store.max_id = 101  # the next id is 102, as in schemas/registry.toml
    sid = client.register_schema(topic + "-value", Schema(schema_text(), "AVRO"))
    assert sid == 102, sid
    return client


def to_avro(ev, _ctx):
    ev["weightKg"] = Decimal(ev["weightKg"])
    ev["shippedAt"] = datetime.fromisoformat(ev["shippedAt"].replace("Z", "+00:00"))
    return ev


def produce(path, topic):
    brokers = os.environ["EVTCTL_BROKERS"]
    ser = AvroSerializer(registry(topic), schema_text(), to_avro, {"auto.register.schemas": False})
    p = Producer({"bootstrap.servers": brokers, "enable.idempotence": True})
    ctx = SerializationContext(topic, MessageField.VALUE)
    failed = [0]

    def report(err, _msg):
        if err is not None:
            failed[0] += 1

    n = 0
    with open(path, "rb") as f:
        for line in f:
            value = ser(json.loads(line), ctx)
            while True:
                try:
                    p.produce(topic, value, on_delivery=report)
                    break
                except BufferError:
                    p.poll(0.05)
            p.poll(0)
            n += 1
    left = p.flush(60)
    if left or failed[0]:
        sys.exit("py-avro.py: %d undelivered, %d failed" % (left, failed[0]))
    print(n)


def consume(topic, want):
    brokers = os.environ["EVTCTL_BROKERS"]
    de = AvroDeserializer(registry(topic))
    c = Consumer({"bootstrap.servers": brokers, "group.id": "py-avro-bench",
                  "enable.auto.commit": False, "enable.partition.eof": True})
    parts = c.list_topics(topic, timeout=10).topics[topic].partitions
    c.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in parts])
    ctx = SerializationContext(topic, MessageField.VALUE)
    n, eof = 0, set()
    while n < want and len(eof) < len(parts):
        for m in c.consume(1000, 0.2):
            if m.error():
                if m.error().code() == -191:  # _PARTITION_EOF
                    eof.add(m.partition())
                    continue
                sys.exit("py-avro.py: %s" % m.error())
            de(m.value(), ctx)
            n += 1
    c.close()
    print(n)


if __name__ == "__main__":
    if sys.argv[1] == "produce":
        produce(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "consume":
        consume(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
