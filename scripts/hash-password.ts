/**
 * npm run hash-password: prints the hash of a password for AUTH_USERS_<n>_PASSWORD. The password is read from
 * standard input (typed without echo on a terminal, or piped), never taken from the command line, where it would
 * land in the shell's history and the process list.
 */
import { hashPassword } from "../server/auth/password";

async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  process.stderr.write("Password (not shown): ");
  input.setRawMode(true);
  return new Promise((resolve) => {
    let text = "";
    input.on("data", (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          input.setRawMode(false);
          input.pause();
          process.stderr.write("\n");
          resolve(text);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        text = ch === "\u007f" ? text.slice(0, -1) : text + ch;
      }
    });
  });
}

async function main(): Promise<void> {
  const password = await readPassword();
  if (password.length < 8) {
    process.stderr.write("The password must have at least 8 characters.\n");
    process.exit(1);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
