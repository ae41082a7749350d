import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads a cluster with Kafka's own Java Admin client, for tests that compare the console with Kafka's view.
 *   topic <name>   one line per partition: "<partition> <leader> <replicas,> <isr,>"
 *   quorum         "leader <id> epoch <n> hw <n>", then "voter <id> <logEndOffset>" and "observer <id> <logEndOffset>"
 *   reassignments  one line per partition in progress: "<topic> <partition> <replicas,> <adding,> <removing,>"
 */
public class KafkaAdminProbe {
  static String ids(List<Integer> list) {
    StringJoiner j = new StringJoiner(",");
    for (Integer i : list) j.add(String.valueOf(i));
    return j.toString();
  }

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    try (Admin admin = Admin.create(props)) {
      switch (args[1]) {
        case "topic": {
          TopicDescription d = admin.describeTopics(List.of(args[2])).allTopicNames().get().get(args[2]);
          for (TopicPartitionInfo p : d.partitions()) {
            List<Integer> replicas = new ArrayList<>();
            p.replicas().forEach(n -> replicas.add(n.id()));
            List<Integer> isr = new ArrayList<>();
            p.isr().forEach(n -> isr.add(n.id()));
            System.out.println(p.partition() + " " + (p.leader() == null ? -1 : p.leader().id()) + " " + ids(replicas) + " " + ids(isr));
          }
          break;
        }
        case "quorum": {
          QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get();
          System.out.println("leader " + q.leaderId() + " epoch " + q.leaderEpoch() + " hw " + q.highWatermark());
          for (QuorumInfo.ReplicaState r : q.voters()) System.out.println("voter " + r.replicaId() + " " + r.logEndOffset());
          for (QuorumInfo.ReplicaState r : q.observers()) System.out.println("observer " + r.replicaId() + " " + r.logEndOffset());
          break;
        }
        case "reassignments": {
          admin.listPartitionReassignments().reassignments().get().forEach((tp, r) ->
            System.out.println(tp.topic() + " " + tp.partition() + " " + ids(r.replicas()) + " " + ids(r.addingReplicas()) + " " + ids(r.removingReplicas())));
          break;
        }
        default:
          throw new IllegalArgumentException("unknown command " + args[1]);
      }
    }
  }
}
