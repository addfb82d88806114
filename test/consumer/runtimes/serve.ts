// Starts the test server on a fixed port for probing other runtimes by hand (not part of the suite):
//   PORT=45123 node --import tsx test/consumer/runtimes/serve.ts
import { startGitHubServer } from "../../server/server.js";

const server = await startGitHubServer({ port: Number(process.env.PORT ?? 0) });
console.log(server.url);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
