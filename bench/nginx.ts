import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startGroup } from './processes.js';

/**
 * Debian's nginx serving one HTML file from a scratch folder on a loopback port: the ceiling a
 * cached page is compared with. One worker process, like our one server process.
 */
export function startNginx(scratch: string, port: number, html: Buffer): ChildProcess {
  const root = path.join(scratch, 'nginx');
  fs.mkdirSync(path.join(root, 'www'), { recursive: true });
  fs.writeFileSync(path.join(root, 'www', 'article.html'), html);
  const conf = path.join(root, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;\ndaemon off;\npid ${root}/nginx.pid;\nerror_log ${root}/error.log warn;\n` +
      `events { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 1000000;\n  default_type text/html;\n` +
      `  client_body_temp_path ${root}/tmp;\n  proxy_temp_path ${root}/tmp;\n  fastcgi_temp_path ${root}/tmp;\n  uwsgi_temp_path ${root}/tmp;\n  scgi_temp_path ${root}/tmp;\n` +
      `  server { listen 127.0.0.1:${port}; root ${root}/www; }\n}\n`,
  );
  const test = spawnSync('nginx', ['-t', '-q', '-p', root, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx rejected its configuration: ${test.stderr}`);
  return startGroup('nginx', ['-p', root, '-c', conf], process.env, root);
}
