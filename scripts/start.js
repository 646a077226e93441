// `npm start`: build what is missing, then run the compiled server in this same process (signals reach it directly).
import { ensureBuild } from './ensure-build.js';

try {
  ensureBuild(['server', 'web']);
} catch (error) {
  process.stderr.write(`启动失败：构建未完成（the build failed: ${error.message}）\n`);
  process.exit(1);
}
await import('../dist/server/main.js');
