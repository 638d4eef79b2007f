// Entry point of `npm start`: loads the corpus and the search index (rebuilt only when missing
// or stale, so a fresh index starts the server without loading jieba) and listens.
import { createSearcher } from '../search/engine.js';
import { createApp } from '../web/app.js';
import { loadAll } from './load.js';

async function main(): Promise<void> {
  const started = Date.now();
  const { config, library, opened } = await loadAll();
  console.log(`已载入 ${library.documents.length} 份文档、${library.clauseCount} 个条款；检索索引${opened.built ? '已重建' : '已载入'}（共 ${Date.now() - started} ms）`);
  const app = createApp({ library, searcher: createSearcher(library, opened.index), publicOrigin: config.publicOrigin, development: config.nodeEnv === 'development' });
  const server = app.listen(config.port, config.host, () => {
    console.log(`服务已启动：http://${config.host}:${config.port}`);
  });
  server.on('error', (err) => {
    console.error(`无法监听 ${config.host}:${config.port}：${err.message}`);
    process.exit(1);
  });
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
