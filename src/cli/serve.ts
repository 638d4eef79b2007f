// Entry point of `npm start`: loads the corpus and the search index (rebuilt only when missing
// or stale, so a fresh index starts the server without loading jieba) and listens.
// With WEB_CONCURRENCY=N above 1 the process becomes a small primary that runs N workers
// (node:cluster) sharing one port: the first worker builds the index if it must, the others
// start once it listens and so only read the saved files. Workers hold no state worth keeping,
// so one that dies is replaced.
import cluster from 'node:cluster';
import { loadConfig, type Config } from '../config.js';
import { createSearcher } from '../search/engine.js';
import { createApp } from '../web/app.js';
import { loadAll } from './load.js';

async function serve(): Promise<void> {
  const started = Date.now();
  const { config, library, opened } = await loadAll();
  const who = cluster.isWorker ? `进程 ${cluster.worker?.id}：` : '';
  console.log(`${who}已载入 ${library.documents.length} 份文档、${library.clauseCount} 个条款；检索索引${opened.built ? '已重建' : '已载入'}（共 ${Date.now() - started} ms）`);
  const app = createApp({
    library,
    searcher: createSearcher(library, opened.index),
    publicOrigin: config.publicOrigin,
    development: config.nodeEnv === 'development',
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
  });
  const server = app.listen(config.port, config.host, () => {
    if (!cluster.isWorker) console.log(`服务已启动：http://${config.host}:${config.port}`);
  });
  server.on('error', (err) => {
    console.error(`无法监听 ${config.host}:${config.port}：${err.message}`);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Restarts faster than this after a worker started are a crash loop, not bad luck. */
const CRASH_LOOP_MS = 10_000;

function primary(config: Config): void {
  let stopping = false;
  let listening = 0;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('listening', () => {
    listening++;
    if (listening === 1) {
      // The first worker has a fresh index on disk now; the rest only load it.
      for (let i = 1; i < config.webConcurrency; i++) fork();
    }
    if (listening === config.webConcurrency) console.log(`服务已启动：http://${config.host}:${config.port}（${config.webConcurrency} 个工作进程）`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    if (listening === 0 || lived < CRASH_LOOP_MS) {
      console.error(`工作进程 ${worker.id} 退出（${signal ?? code}），启动失败，服务停止`);
      shutdown(1);
      return;
    }
    console.error(`工作进程 ${worker.id} 退出（${signal ?? code}），正在替换`);
    fork();
  });
  const shutdown = (code: number) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(code), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    });
  };
  process.once('SIGTERM', () => shutdown(0));
  process.once('SIGINT', () => shutdown(0));
  fork();
}

function main(): void {
  // Configuration is checked once, here, before any worker exists.
  const config = loadConfig();
  if (cluster.isPrimary && config.webConcurrency > 1) primary(config);
  else
    serve().catch((err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    });
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
