"""
Python confluent-kafka's own serializers as the integration tests' independent witnesses of the schema registry
support: `produce` writes records with AvroSerializer, ProtobufSerializer and JSONSerializer (the clients teams use);
`consume` reads a topic back with the matching deserializer and prints each value as JSON, one per line.

  python3 registry_clients.py produce <bootstrap> <registry-url> <topic> avro|protobuf|json
  python3 registry_clients.py consume <bootstrap> <registry-url> <topic> avro|protobuf|json <count>
"""
import datetime
import decimal
import json
import sys
import uuid

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.serialization import MessageField, SerializationContext, StringSerializer
from google.protobuf import descriptor_pb2, message_factory, text_format
from google.protobuf.json_format import MessageToDict

AVRO_V1 = {
    "type": "record", "name": "Payment", "namespace": "it",
    "fields": [
        {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["CARD", "IBAN"]}},
    ],
}
AVRO_V2 = dict(AVRO_V1, fields=AVRO_V1["fields"] + [
    {"name": "note", "type": ["null", "string"], "default": None},
    {"name": "atMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}, "default": 0},
    {"name": "tags", "type": {"type": "map", "values": "long"}, "default": {}},
])
AVRO_KEY = {"type": "record", "name": "PaymentKey", "namespace": "it", "fields": [{"name": "id", "type": "string"}]}

PROTO_FILE = """
name: "review.proto" package: "it" syntax: "proto3"
message_type {
  name: "Review"
  field { name: "id" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
  field { name: "n" number: 2 label: LABEL_OPTIONAL type: TYPE_INT64 }
  field { name: "kind" number: 3 label: LABEL_OPTIONAL type: TYPE_ENUM type_name: ".it.Review.Kind" }
  field { name: "inner" number: 4 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".it.Review.Inner" }
  field { name: "tags" number: 5 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".it.Review.TagsEntry" }
  field { name: "lines" number: 6 label: LABEL_REPEATED type: TYPE_STRING }
  nested_type { name: "Inner" field { name: "s" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING } }
  nested_type {
    name: "TagsEntry" options { map_entry: true }
    field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_INT32 }
  }
  enum_type { name: "Kind" value { name: "A" number: 0 } value { name: "B" number: 1 } }
}
message_type { name: "Other" field { name: "x" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING } }
"""


def proto_classes():
    fdp = text_format.Parse(PROTO_FILE, descriptor_pb2.FileDescriptorProto())
    return message_factory.GetMessages([fdp])


JSON_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "Event", "type": "object",
    "properties": {"name": {"type": "string"}, "count": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}},
    "required": ["name"],
}


def produce(bootstrap, registry_url, topic, fmt):
    from confluent_kafka.schema_registry.avro import AvroSerializer
    from confluent_kafka.schema_registry.json_schema import JSONSerializer
    from confluent_kafka.schema_registry.protobuf import ProtobufSerializer

    sr = SchemaRegistryClient({"url": registry_url, "timeout": 10})
    producer = Producer({"bootstrap.servers": bootstrap})
    value_ctx = SerializationContext(topic, MessageField.VALUE)
    key_ctx = SerializationContext(topic, MessageField.KEY)
    if fmt == "avro":
        v1 = AvroSerializer(sr, json.dumps(AVRO_V1))
        v2 = AvroSerializer(sr, json.dumps(AVRO_V2))
        key = AvroSerializer(sr, json.dumps(AVRO_KEY))
        base = {
            "id": str(uuid.UUID("12345678-1234-5678-1234-567812345678")),
            "amount": decimal.Decimal("-1234.50"),
            "at": datetime.datetime(2026, 12, 4, 6, 0, 0, 123000, tzinfo=datetime.timezone.utc),
            "day": datetime.date(2026, 12, 4),
            "kind": "IBAN",
        }
        producer.produce(topic, partition=0, key=key({"id": "k-1"}, key_ctx), value=v1(base, value_ctx))
        second = dict(base, note="hello", tags={"a": 1, "big": 2**40},
                      atMicros=datetime.datetime(2026, 12, 4, 6, 0, 0, 123456, tzinfo=datetime.timezone.utc))
        producer.produce(topic, partition=0, key=key({"id": "k-2"}, key_ctx), value=v2(second, value_ctx))
    elif fmt == "protobuf":
        classes = proto_classes()
        review, other = classes["it.Review"], classes["it.Other"]
        ser = ProtobufSerializer(review, sr, {"use.deprecated.format": False})
        # The same file, its second message: the same schema id, message indexes [1].
        ser_other = ProtobufSerializer(other, sr, {"use.deprecated.format": False})
        m = review(id="r-1", n=-9007199254740993, kind=1, tags={"x": 3}, lines=["a", "b"])
        m.inner.s = "deep"
        producer.produce(topic, partition=0, key=StringSerializer()("r-1"), value=ser(m, value_ctx))
        producer.produce(topic, partition=0, key=StringSerializer()("o-1"), value=ser_other(other(x="hi"), value_ctx))
    else:
        ser = JSONSerializer(json.dumps(JSON_SCHEMA), sr)
        producer.produce(topic, partition=0, value=ser({"name": "a", "count": 2, "tags": ["x"]}, value_ctx))
    producer.flush(30)


def consume(bootstrap, registry_url, topic, fmt, count):
    from confluent_kafka.schema_registry.avro import AvroDeserializer
    from confluent_kafka.schema_registry.json_schema import JSONDeserializer
    from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer

    sr = SchemaRegistryClient({"url": registry_url, "timeout": 10})
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"py-{uuid.uuid4()}", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    if fmt == "avro":
        de = AvroDeserializer(sr)
    elif fmt == "protobuf":
        de = ProtobufDeserializer(proto_classes()["it.Review"], {"use.deprecated.format": False})
    else:
        de = JSONDeserializer(None, schema_registry_client=sr)
    seen = 0
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    while seen < count and datetime.datetime.now() < deadline:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        value = de(msg.value(), SerializationContext(topic, MessageField.VALUE))
        if fmt == "protobuf":
            value = MessageToDict(value, preserving_proto_field_name=True)
        print(json.dumps(value, default=str), flush=True)
        seen += 1
    consumer.close()


if __name__ == "__main__":
    command, bootstrap, url, topic, fmt = sys.argv[1:6]
    if command == "produce":
        produce(bootstrap, url, topic, fmt)
    else:
        consume(bootstrap, url, topic, fmt, int(sys.argv[6]))
