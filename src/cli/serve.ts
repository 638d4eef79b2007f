// Entry point of `npm start`: loads the corpus and the search index (rebuilt only when missing
// or stale, so a fresh index starts the server without loading jieba) and listens.
// With WEB_CONCURRENCY=N above 1 the process becomes a small primary that runs N workers
// (node:cluster) sharing one port: the first worker builds the index if it must, the others
// start once it listens and so only read the saved files. Workers hold no state worth keeping,
// so one that dies is replaced, with backoff, while the others serve (./supervisor.ts).
import cluster from 'node:cluster';
import http from 'node:http';
import { DEFAULTS, loadConfig, type Config } from '../config.js';
import { ACCEPTED_EVENT, createApp } from '../web/app.js';
import type { Library } from '../library/library.js';
import { warmReuse } from '../search/reuse/reuse.js';
import { loadAll } from './load.js';
import { createSupervisor } from './supervisor.js';

async function serve(): Promise<void> {
  const started = Date.now();
  const { config, library, searcher, opened } = await loadAll();
  const who = cluster.isWorker ? `工作进程 ${cluster.worker?.id}（pid ${process.pid}）：` : '';
  console.log(`${who}已载入 ${library.documents.length} 份文档、${library.clauseCount} 个条款；检索索引${opened.built ? '已重建' : '已载入'}（共 ${Date.now() - started} ms）`);
  const app = createApp({
    library,
    searcher,
    publicOrigin: config.publicOrigin,
    citationEdition: config.citationEdition,
    development: config.nodeEnv === 'development',
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitClients: config.rateLimitClients,
    admissionQueue: config.admissionQueue,
    pipelineLimit: config.pipelineLimit,
    trustProxy: config.trustProxy,
  });
  const server = http.createServer({ headersTimeout: DEFAULTS.headersTimeoutMs, requestTimeout: DEFAULTS.requestTimeoutMs, connectionsCheckingInterval: DEFAULTS.connectionsCheckMs }, app);
  server.on('connection', () => app.emit(ACCEPTED_EVENT));
  server.listen(config.port, config.host, () => {
    if (!cluster.isWorker) console.log(`服务已启动：http://${config.host}:${config.port}`);
    warmUp(library, who);
  });
  server.on('error', (err) => {
    console.error(`无法监听 ${config.host}:${config.port}：${err.message}`);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Reuse down the hierarchy is traced in the background once the server listens, a plan at a time. */
function warmUp(library: Library, who: string): void {
  const started = Date.now();
  warmReuse(library)
    .then((reuse) => console.log(`${who}复用分析已就绪：${reuse.docs.length} 份市县文件（${Date.now() - started} ms）`))
    .catch((err: unknown) => console.error(`${who}复用分析失败：${(err as Error).message}`));
}

function primary(config: Config): void {
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    supervisor.stop();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(code), 5000).unref();
    const exitWhenAlone = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    };
    cluster.on('exit', exitWhenAlone);
    exitWhenAlone();
  };
  const supervisor = createSupervisor({
    slots: config.webConcurrency,
    fork: () => {
      const worker = cluster.fork();
      return { id: worker.id, pid: worker.process.pid };
    },
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    giveUp: (reason) => {
      console.error(reason);
      shutdown(1);
    },
  });
  let announced = false;
  cluster.on('listening', (worker) => {
    supervisor.listening(worker.id);
    if (!announced) {
      announced = true;
      console.log(`服务已启动：http://${config.host}:${config.port}（共 ${config.webConcurrency} 个工作进程，首个已在服务，其余随后启动）`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) supervisor.exited(worker.id, signal ?? `退出码 ${code}`);
  });
  process.once('SIGTERM', () => shutdown(0));
  process.once('SIGINT', () => shutdown(0));
  supervisor.start();
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
