import "server-only";
import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError } from "@/server/errors";
import { settledOnEveryBroker } from "@/server/acls/settled";
import {
  brokerOrController,
  AlterUserScramCredentials,
  DescribeUserScramCredentials,
  KafkaErrorCode,
  KafkaProtocolError,
  SCRAM_MECHANISMS,
  type ScramMechanism,
  scramMechanismName,
  send,
} from "@/server/kafka/protocol";

const derive = promisify(pbkdf2);

export interface ScramUser {
  name: string;
  mechanisms: { mechanism: ScramMechanism; iterations: number }[];
}

/** Every SCRAM user of the cluster with its mechanisms and iterations (Kafka never gives passwords back). */
export async function listScramUsers(cluster: ClusterHandle): Promise<ScramUser[]> {
  return usersAt(cluster, null);
}

/** The users as one broker knows them (null: the one kafkajs picks as controller, which knows a change first). */
async function usersAt(cluster: ClusterHandle, nodeId: number | null): Promise<ScramUser[]> {
  const answer = await cluster.protocol(async (c) =>
    send(await brokerOrController(c, nodeId), DescribeUserScramCredentials, { users: null }),
  );
  if (answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode, answer.errorMessage);
  return answer.results
    .filter((r) => r.errorCode === KafkaErrorCode.NONE)
    .map((r) => ({
      name: r.user,
      mechanisms: r.credentials.flatMap((c) => {
        const mechanism = scramMechanismName(c.mechanism);
        return mechanism ? [{ mechanism, iterations: c.iterations }] : [];
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** 24 random bytes in base64url: 32 characters, 192 bits, nothing a JAAS line or a shell needs to quote. */
export function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Sets a user's password for one mechanism, creating the user if needed. The salted password is derived here
 * (PBKDF2 with the mechanism's HMAC: SCRAM's Hi(), RFC 5802), so the password itself never travels to Kafka.
 */
export async function upsertScramUser(
  cluster: ClusterHandle,
  input: { name: string; mechanism: ScramMechanism; iterations: number; password: string },
): Promise<void> {
  const hash = input.mechanism === "SCRAM-SHA-256" ? "sha256" : "sha512";
  const salt = randomBytes(32);
  const saltedPassword = await derive(
    input.password.normalize("NFKC"),
    salt,
    input.iterations,
    hash === "sha256" ? 32 : 64,
    hash,
  );
  const results = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), AlterUserScramCredentials, {
      deletions: [],
      upsertions: [
        {
          name: input.name,
          mechanism: SCRAM_MECHANISMS[input.mechanism],
          iterations: input.iterations,
          salt,
          saltedPassword,
        },
      ],
    }),
  );
  const failed = results.find((r) => r.errorCode !== KafkaErrorCode.NONE);
  if (failed) throw new KafkaProtocolError(failed.errorCode, failed.errorMessage);
  await settledOnEveryBroker(
    cluster,
    (id) => usersAt(cluster, id),
    (users) => users.some((u) => u.name === input.name && u.mechanisms.some((m) => m.mechanism === input.mechanism)),
  );
}

/** Removes every credential of a user; after this the user can no longer log in. Returns the mechanisms removed. */
export async function deleteScramUser(cluster: ClusterHandle, name: string): Promise<ScramMechanism[]> {
  const user = (await listScramUsers(cluster)).find((u) => u.name === name);
  if (!user || user.mechanisms.length === 0)
    throw new ConsoleError("not_found", `No SCRAM user named "${name}" on cluster "${cluster.name}".`, 404);
  const results = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), AlterUserScramCredentials, {
      deletions: user.mechanisms.map((m) => ({ name, mechanism: SCRAM_MECHANISMS[m.mechanism] })),
      upsertions: [],
    }),
  );
  const failed = results.find(
    (r) => r.errorCode !== KafkaErrorCode.NONE && r.errorCode !== KafkaErrorCode.RESOURCE_NOT_FOUND,
  );
  if (failed) throw new KafkaProtocolError(failed.errorCode, failed.errorMessage);
  await settledOnEveryBroker(
    cluster,
    (id) => usersAt(cluster, id),
    (users) => !users.some((u) => u.name === name),
  );
  return user.mechanisms.map((m) => m.mechanism);
}
