"""An independent Kafka client (confluent-kafka) for evtctl's interop tests.

usage: ck_client.py consume BROKERS TOPIC COUNT   -> JSON lines {key, value, headers}
       ck_client.py produce BROKERS TOPIC         -> two records with headers, one binary
"""
import json
import sys

from confluent_kafka import Consumer, Producer, TopicPartition


def consume(brokers, topic, count):
    c = Consumer({"bootstrap.servers": brokers, "group.id": "evtctl-interop", "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    got = 0
    while got < count:
        m = c.poll(30)
        if m is None:
            sys.exit("timed out waiting for records")
        if m.error():
            sys.exit(str(m.error()))
        headers = [[k, v.decode() if v is not None else None] for k, v in (m.headers() or [])]
        print(json.dumps({"key": m.key().decode(), "value": m.value().decode(), "headers": headers}))
        got += 1
    c.close()


def produce(brokers, topic):
    p = Producer({"bootstrap.servers": brokers})
    p.produce(topic, key=b"k1", value=b'{"a":1}', partition=0, headers=[("trace", b"abc"), ("bin", b"\xff\x01")])
    p.produce(topic, key=b"k2", value=b"\xff\xfe", partition=0)
    if p.flush(30) != 0:
        sys.exit("not all records delivered")


if __name__ == "__main__":
    cmd, brokers, topic = sys.argv[1:4]
    if cmd == "consume":
        consume(brokers, topic, int(sys.argv[4]))
    else:
        produce(brokers, topic)
