// `npm run seed`: apply migrations and seed the demo edition, then exit.
import { loadConfig } from "../platform/config";
import { startServices } from "../server/start-services";

const config = loadConfig();
const running = await startServices({ ...config, smtp: undefined }, { seed: true });
console.log(JSON.stringify(running.seeded));
await running.stop();
