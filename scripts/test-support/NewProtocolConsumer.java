// A Java consumer of the new consumer group protocol (KIP-848, group.protocol=consumer), which kafkajs does not
// speak: tests start it with Kafka's own client jar to check that the console describes such groups.
// Usage: java -cp '<kafka libs>/*' NewProtocolConsumer.java <bootstrap> <group> <topic>
// Prints "assigned" once it owns partitions, then polls (committing nothing) until it is killed.
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;

public class NewProtocolConsumer {
  public static void main(String[] args) {
    Properties props = new Properties();
    props.put("bootstrap.servers", args[0]);
    props.put("group.id", args[1]);
    props.put("group.protocol", "consumer");
    props.put("client.id", "java-new-protocol");
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(args[2]));
      boolean told = false;
      while (true) {
        consumer.poll(Duration.ofMillis(200));
        if (!told && !consumer.assignment().isEmpty()) {
          System.out.println("assigned");
          System.out.flush();
          told = true;
        }
      }
    }
  }
}
