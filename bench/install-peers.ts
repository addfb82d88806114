// First step of `npm run bench`: installs the peers of bench/package.json when bench/node_modules
// is missing or older than bench/package-lock.json (see lib/peer-install.ts).
import { BENCH } from "./lib/paths.js";
import { ensurePeers } from "./lib/peer-install.js";

if (ensurePeers(BENCH)) process.stderr.write("bench: installed the peers of bench/package.json\n");
