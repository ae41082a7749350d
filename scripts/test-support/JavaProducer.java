// Writes records with Kafka's own Java client, so tests can check that the console reads what the Java client
// writes: each compression.type (gzip, snappy in xerial framing, lz4 frames, zstd), headers, and transactions.
// Usage: java -cp '<kafka libs>/*' JavaProducer.java <bootstrap> <topic> <compression> <mode> <count> <baseTimestamp>
//   mode "plain":        <count> records to partition 0 in one batch: key "k<i>", value "value <i>", headers
//                        "index"=<i> and "empty"=null; record 1 has a null key, record 2 is a tombstone, record 3
//                        has the value bytes 0xff 0xfe 0x00; timestamps baseTimestamp + i.
//   mode "transactions": two transactional producers interleave on partition 0: producer A writes "committed-<i>"
//                        records and commits, producer B writes "aborted-<i>" records in between and aborts, then A
//                        writes "after-<i>" records in a second committed transaction.
// Prints "sent <key> <partition> <offset>" per record, then "done".
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

public class JavaProducer {
  static Properties props(String bootstrap, String compression, String transactionalId) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("compression.type", compression);
    p.put("acks", "all");
    p.put("linger.ms", "200");
    p.put("batch.size", "1000000");
    p.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    if (transactionalId != null) p.put("transactional.id", transactionalId);
    return p;
  }

  static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static final List<String> keys = new ArrayList<>();
  static final List<Future<RecordMetadata>> sent = new ArrayList<>();

  static void send(KafkaProducer<byte[], byte[]> producer, String topic, long timestamp, String label, byte[] key, byte[] value, RecordHeaders headers) {
    keys.add(label);
    sent.add(producer.send(new ProducerRecord<>(topic, 0, timestamp, key, value, headers)));
  }

  static void report() throws Exception {
    for (int i = 0; i < sent.size(); i++) {
      RecordMetadata m = sent.get(i).get();
      System.out.println("sent " + keys.get(i) + " " + m.partition() + " " + m.offset());
    }
  }

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0], topic = args[1], compression = args[2], mode = args[3];
    int count = Integer.parseInt(args[4]);
    long base = Long.parseLong(args[5]);
    if (mode.equals("plain")) {
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props(bootstrap, compression, null))) {
        for (int i = 0; i < count; i++) {
          RecordHeaders headers = new RecordHeaders();
          headers.add("index", utf8(Integer.toString(i)));
          headers.add("empty", null);
          byte[] key = i == 1 ? null : utf8("k" + i);
          byte[] value = i == 2 ? null : i == 3 ? new byte[] {(byte) 0xff, (byte) 0xfe, 0} : utf8("value " + i);
          send(producer, topic, base + i, "k" + i, key, value, headers);
        }
        producer.flush();
        report();
      }
    } else if (mode.equals("transactions")) {
      try (KafkaProducer<byte[], byte[]> a = new KafkaProducer<>(props(bootstrap, compression, topic + "-a"));
          KafkaProducer<byte[], byte[]> b = new KafkaProducer<>(props(bootstrap, compression, topic + "-b"))) {
        a.initTransactions();
        b.initTransactions();
        a.beginTransaction();
        b.beginTransaction();
        for (int i = 0; i < count; i++) {
          send(a, topic, base + i, "committed-" + i, utf8("committed-" + i), utf8("value " + i), new RecordHeaders());
          a.flush();
          send(b, topic, base + i, "aborted-" + i, utf8("aborted-" + i), utf8("value " + i), new RecordHeaders());
          b.flush();
        }
        a.commitTransaction();
        b.abortTransaction();
        a.beginTransaction();
        for (int i = 0; i < count; i++) send(a, topic, base + count + i, "after-" + i, utf8("after-" + i), utf8("value " + i), new RecordHeaders());
        a.commitTransaction();
        report();
      }
    } else {
      throw new IllegalArgumentException("mode is plain or transactions");
    }
    System.out.println("done");
  }
}
