// Reads one credential (JSON) on stdin and prints what the DCC verifier makes of it, as JSON.
// No issuer registry is given: there is no internet in tests, so registry membership is not checked.
import { verifyCredential } from '@digitalcredentials/verifier-core';

// The library logs to the console; stdout carries only the result.
console.log = console.error;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const credential = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const result = await verifyCredential({ credential, knownDIDRegistries: [] });
delete result.credential;
// Errors carry stack traces and causes that JSON cannot hold; their names and messages say enough.
const plain = (key, value) =>
  value instanceof Error ? { name: value.name, message: value.message } : value;
process.stdout.write(JSON.stringify(result, plain));
