"""Confluent's own Avro and Protobuf serializers (confluent-kafka[avro,protobuf]) for evtctl's
format interop tests: the independent implementation of the wire format evtctl must agree with.

usage: ck_serde.py produce BROKERS TOPIC DIR FORMAT EVENTS FRAMING
           serialize each event of EVENTS (JSON Lines of {"key", "value"} in evtctl's JSON forms)
           with AvroSerializer / ProtobufSerializer and produce it to partition 0 of TOPIC;
           FRAMING is "prefix" (magic 0 + id) or "header" (the GUID in __key/__value_schema_id).
           Prints one line: {"ids": {"key": {"id", "guid"}, "value": {...}}}.
       ck_serde.py consume BROKERS TOPIC DIR FORMAT EVENTS
           register the same schemas (same order, so the same numeric ids), print the ids line,
           then read as many records as EVENTS has from partition 0 of TOPIC with
           AvroDeserializer / ProtobufDeserializer and print one line per record:
           {"offset", "key_ok", "value_ok", "key", "value"} (ok: equal to the expected event).

DIR holds the schemas: FORMAT avro reads order-value/v1.avsc and order-key/v1.avsc; FORMAT
avro-primitive prim-value/v1.avsc ("bytes") and prim-key/v1.avsc ("string"); FORMAT
protobuf-first pfirst-value/v1.proto and pfirst-key/v1.proto (first messages); FORMAT protobuf reads porder-value/v1.proto (message interop.Outer.Order) and porder-key/v1.proto
(message interop.keys.Wrapper.Inner.Key), compiled with grpcio-tools' protoc.
"""
import datetime
import decimal
import json
import os
import sys
import tempfile
import uuid

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.schema_registry import (
    SchemaRegistryClient,
    header_schema_id_serializer,
)
from confluent_kafka.serialization import MessageField, SerializationContext

PROTO_MESSAGES = {
    "protobuf": {
        "key": ("porder-key/v1.proto", "interop.keys.Wrapper.Inner.Key"),
        "value": ("porder-value/v1.proto", "interop.Outer.Order"),
    },
    # First messages of their files (index [0], one 0 byte) and well-known types.
    "protobuf-first": {
        "key": ("pfirst-key/v1.proto", "interop.first.Key"),
        "value": ("pfirst-value/v1.proto", "interop.first.Event"),
    },
}
AVRO_FILES = {
    "avro": {"key": "order-key/v1.avsc", "value": "order-value/v1.avsc"},
    # Top-level primitives: a "bytes" value is written raw (no length), as Confluent does.
    "avro-primitive": {"key": "prim-key/v1.avsc", "value": "prim-value/v1.avsc"},
}
UTC = datetime.timezone.utc


# --- Avro: evtctl's JSON forms <-> the Python values fastavro reads and writes -------------


def avro_native(schema, v, named):
    """The Python value fastavro writes for `v` in evtctl's JSON form (README: Avro values)."""
    if isinstance(schema, str):
        if schema in named:
            return avro_native(named[schema], v, named)
        if schema in ("bytes", "fixed"):
            return v.encode("latin-1")
        return v
    if isinstance(schema, list):
        if v is None:
            return None
        if isinstance(v, dict) and len(v) == 1:
            (tag, inner), = v.items()
            for b in schema:
                if type_name(b) == tag:
                    return avro_native(b, inner, named)
        for b in schema:
            if b != "null" and fits(b, v, named):
                return avro_native(b, v, named)
        raise ValueError(f"{v!r} fits no branch of {schema}")
    t, lt = schema["type"], schema.get("logicalType")
    if "name" in schema:
        named[schema["name"]] = schema
        named[schema.get("namespace", "interop") + "." + schema["name"]] = schema
    if lt == "decimal":
        return decimal.Decimal(v)
    if lt == "uuid":
        return uuid.UUID(v)
    if lt == "date":
        return datetime.date.fromisoformat(v)
    if lt in ("time-millis", "time-micros"):
        return datetime.time.fromisoformat(v)
    if lt in ("timestamp-millis", "timestamp-micros"):
        return datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
    if lt in ("local-timestamp-millis", "local-timestamp-micros"):
        return datetime.datetime.fromisoformat(v)
    if t == "record":
        return {f["name"]: avro_native(f["type"], v[f["name"]], named) for f in schema["fields"]}
    if t == "array":
        return [avro_native(schema["items"], x, named) for x in v]
    if t == "map":
        return {k: avro_native(schema["values"], x, named) for k, x in v.items()}
    if t in ("bytes", "fixed"):
        return v.encode("latin-1")
    return v


def type_name(b):
    if isinstance(b, str):
        return b
    return b.get("name", b["type"])


def fits(b, v, named):
    if isinstance(b, str) and b in named:
        b = named[b]
    t = b if isinstance(b, str) else b["type"]
    if t in ("long", "int"):
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "string":
        return isinstance(v, str)
    if t == "enum":
        return v in b["symbols"]
    if t == "fixed":
        return isinstance(v, str) and len(v) == b["size"]
    if t == "record":
        return isinstance(v, dict)
    return False


def same(a, b):
    """Equal, and decimals with the same digits (12.30 is not 12.3)."""
    if isinstance(a, decimal.Decimal) or isinstance(b, decimal.Decimal):
        return type(a) is type(b) and str(a) == str(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def shown(v):
    """A JSON-able picture of a Python value, for failure messages."""
    if isinstance(v, dict):
        return {k: shown(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [shown(x) for x in v]
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if isinstance(v, (decimal.Decimal, uuid.UUID, datetime.date, datetime.time)):
        return f"{type(v).__name__}({v})"
    return v


class AvroSide:
    def __init__(self, d, client, header, files):
        from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer

        self.schemas = {p: json.load(open(os.path.join(d, f))) for p, f in files.items()}
        conf = {"schema.id.serializer": header_schema_id_serializer} if header else {}
        self.ser = {
            p: AvroSerializer(client, open(os.path.join(d, f)).read(), conf=dict(conf))
            for p, f in files.items()
        }
        self.de = {p: AvroDeserializer(client) for p in files}

    def native(self, part, v):
        return avro_native(self.schemas[part], v, {})

    def check(self, part, got, want_json):
        want = self.native(part, want_json)
        return same(got, want), shown(got)


# --- Protobuf: message classes from the .proto files, values in proto3 JSON ----------------


def proto_classes(d, messages):
    import grpc_tools
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
    from grpc_tools import protoc

    pool = descriptor_pool.Default()
    out = {}
    for part, (rel, full) in messages.items():
        with tempfile.TemporaryDirectory() as tmp:
            fds_path = os.path.join(tmp, "fds.bin")
            include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
            rc = protoc.main(
                ["protoc", f"-I{d}", f"-I{include}", "--include_imports",
                 f"--descriptor_set_out={fds_path}", os.path.join(d, rel)]
            )
            if rc != 0:
                sys.exit(f"protoc failed on {rel}")
            fds = descriptor_pb2.FileDescriptorSet.FromString(open(fds_path, "rb").read())
        for fdp in fds.file:
            try:
                pool.FindFileByName(fdp.name)
            except KeyError:
                pool.Add(fdp)
        out[part] = message_factory.GetMessageClass(pool.FindMessageTypeByName(full))
    return out


class ProtoSide:
    def __init__(self, d, client, header, messages):
        from confluent_kafka.schema_registry.protobuf import (
            ProtobufDeserializer,
            ProtobufSerializer,
        )

        self.classes = proto_classes(d, messages)
        conf = {"use.deprecated.format": False}
        if header:
            conf["schema.id.serializer"] = header_schema_id_serializer
        self.ser = {p: ProtobufSerializer(c, client, dict(conf)) for p, c in self.classes.items()}
        self.de = {
            p: ProtobufDeserializer(c, {"use.deprecated.format": False}, client)
            for p, c in self.classes.items()
        }

    def native(self, part, v):
        from google.protobuf import json_format

        return json_format.ParseDict(v, self.classes[part]())

    def check(self, part, got, want_json):
        from google.protobuf import json_format

        want = self.native(part, want_json)
        got_json = json_format.MessageToDict(got)
        want_bytes = want.SerializeToString(deterministic=True)
        ok = (
            got.DESCRIPTOR.full_name == want.DESCRIPTOR.full_name
            and got.SerializeToString(deterministic=True) == want_bytes
            and got_json == json_format.MessageToDict(want)
        )
        return ok, got_json


# --- the commands ---------------------------------------------------------------------------


def side(fmt, d, header):
    client = SchemaRegistryClient.new_client({"url": "mock://evtctl-interop"})
    if fmt in AVRO_FILES:
        return client, AvroSide(d, client, header, AVRO_FILES[fmt])
    return client, ProtoSide(d, client, header, PROTO_MESSAGES[fmt])


def serialize(s, topic, event, headers):
    key = s.ser["key"](s.native("key", event["key"]), SerializationContext(topic, MessageField.KEY, headers))
    value = s.ser["value"](
        s.native("value", event["value"]), SerializationContext(topic, MessageField.VALUE, headers)
    )
    return key, value


def print_ids(client, topic):
    ids = {}
    for part in ("key", "value"):
        rs = client.get_latest_version(f"{topic}-{part}")
        ids[part] = {"id": rs.schema_id, "guid": rs.guid}
    print(json.dumps({"ids": ids}), flush=True)


def produce(brokers, topic, d, fmt, events, framing):
    client, s = side(fmt, d, framing == "header")
    p = Producer({"bootstrap.servers": brokers, "batch.num.messages": 1})
    for e in events:
        headers = []
        key, value = serialize(s, topic, e, headers)
        p.produce(topic, key=key, value=value, partition=0, headers=headers or None)
        p.poll(0)
    if p.flush(60) != 0:
        sys.exit("not all records delivered")
    print_ids(client, topic)


def consume(brokers, topic, d, fmt, events):
    client, s = side(fmt, d, False)
    # Register the schemas the way a producer of this process would: same ids as `produce`.
    serialize(s, topic, events[0], [])
    print_ids(client, topic)
    c = Consumer({"bootstrap.servers": brokers, "group.id": "evtctl-interop", "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    for want in events:
        m = c.poll(60)
        if m is None:
            sys.exit("timed out waiting for records")
        if m.error():
            sys.exit(str(m.error()))
        headers = m.headers() or []
        out = {"offset": m.offset()}
        for part, raw, field in (("key", m.key(), MessageField.KEY), ("value", m.value(), MessageField.VALUE)):
            try:
                got = s.de[part](raw, SerializationContext(topic, field, headers))
            except Exception as e:  # reported, not raised: the test names the record
                out[f"{part}_ok"], out[part] = False, f"{type(e).__name__}: {e}"
                continue
            out[f"{part}_ok"], out[part] = s.check(part, got, want[part])
        print(json.dumps(out, default=str), flush=True)
    c.close()


if __name__ == "__main__":
    cmd, brokers, topic, d, fmt, events_path = sys.argv[1:7]
    events = [json.loads(line) for line in open(events_path) if line.strip()]
    if cmd == "produce":
        produce(brokers, topic, d, fmt, events, sys.argv[7])
    else:
        consume(brokers, topic, d, fmt, events)
