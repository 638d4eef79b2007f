// Entry point of `npm start`: checks configuration, loads the corpus once and listens.
import { loadConfig } from '../config.js';
import { buildLibrary } from '../index/library.js';
import { loadCorpus } from '../ingest/corpus.js';
import { createApp } from '../web/app.js';

function main(): void {
  const config = loadConfig();
  const started = Date.now();
  const corpus = loadCorpus({ corpusDir: config.corpusDir, catalogFile: config.catalogFile });
  for (const w of corpus.warnings) console.warn(`警告 ${w.message}`);
  for (const e of corpus.errors) console.error(`错误 [${e.code}] ${e.message}`);
  const library = buildLibrary(corpus);
  console.log(`已载入 ${library.documents.length} 份文档、${library.clauseCount} 个条款（${Date.now() - started} ms）`);
  const app = createApp({ library, publicOrigin: config.publicOrigin, development: config.nodeEnv === 'development' });
  const server = app.listen(config.port, config.host, () => {
    console.log(`服务已启动：http://${config.host}:${config.port}`);
  });
  server.on('error', (err) => {
    console.error(`无法监听 ${config.host}:${config.port}：${err.message}`);
    process.exit(1);
  });
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
