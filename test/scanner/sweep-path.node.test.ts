// Path traversal and file inclusion swept combinatorially, the way fuzz lists are generated:
// dotdotpwn's dot encodings x separator encodings x depths x targets, and LFI target files x the
// wrappers and suffixes of the usual inclusion cheat sheets (php://filter, file://, NUL and
// extension suffixes, ....// and ..;/ filter evasions). Written from those tools' grammars, none
// from the development corpus. Measured when written (session 9): traversal 8,160/8,160; LFI
// 478/486 (all 8 misses /opt/tomcat/conf/tomcat-users.xml, now a sensitive file: 486/486).
// The benign sweep is the same separators and files in ordinary web paths and file names.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

const blocked = (p: string): boolean => d.scan(p, { context: 'query' }).blocked;

function traversalSweep(): string[] {
  const dots = ['..', '%2e%2e', '%2E%2E', '..%00', '%252e%252e', '%c0%ae%c0%ae', '%uff0e%uff0e', '0x2e0x2e', '%%32%65%%32%65', '.%2e', '%2e.',
    '%e0%80%ae%e0%80%ae', '....', '.%00.', '%c0%2e%c0%2e', '%u002e%u002e', '..'];
  const separators = ['/', '\\', '%2f', '%2F', '%5c', '%252f', '%255c', '%c0%af', '%c1%9c', '%c0%2f', '%e0%80%af', '%u2215', '%u2216', '0x2f', '0x5c',
    '%25c0%25af', '%2f', '/./', '//', '\\\\'];
  const targets = ['etc/passwd', 'etc/shadow', 'boot.ini', 'windows/win.ini', 'etc/hosts', 'WEB-INF/web.xml', 'proc/self/environ', 'etc/issue'];
  const out: string[] = [];
  for (const dot of dots) for (const sep of separators) for (const depth of [1, 3, 6]) for (const target of targets) {
    out.push((dot + sep).repeat(depth) + target.replaceAll('/', sep));
  }
  return out;
}

function inclusionSweep(): string[] {
  const targets = ['/etc/passwd', '/etc/shadow', '/etc/hosts', '/etc/group', '/etc/issue', '/proc/self/environ', '/proc/self/cmdline', '/proc/version',
    '/var/log/apache2/access.log', '/var/log/nginx/error.log', '/root/.ssh/id_rsa', '/home/user/.bash_history', '/etc/mysql/my.cnf',
    '/usr/local/etc/php.ini', '/opt/tomcat/conf/tomcat-users.xml', '/var/www/html/wp-config.php', '/etc/nginx/nginx.conf',
    '/etc/httpd/conf/httpd.conf', '/root/.aws/credentials', '/var/run/secrets/kubernetes.io/serviceaccount/token',
    'C:\\Windows\\win.ini', 'C:\\boot.ini', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'C:\\inetpub\\wwwroot\\web.config',
    'C:/Windows/System32/config/SAM', 'c:\\windows\\repair\\sam', 'C:\\xampp\\apache\\conf\\httpd.conf'];
  const relative = (t: string): string => t.replace(/^\//, '');
  const wrappers: Array<(t: string) => string> = [
    (t) => t, (t) => `file://${t}`, (t) => `php://filter/convert.base64-encode/resource=${t}`, (t) => `php://filter/read=string.rot13/resource=${t}`,
    (t) => `${t}%00`, (t) => `${t}%00.jpg`, (t) => `${t}\0.png`, (t) => `....//....//....//${relative(t)}`, (t) => `..;/..;/..;/${relative(t)}`,
    (t) => `/..${t}`, (t) => `/%2e%2e${t}`, (t) => `file:${t}`, (t) => `file:///${relative(t)}`, (t) => `..\\..\\..\\${relative(t)}`,
    (t) => t.replaceAll('/', '%2f'), (t) => `${t}/.`, (t) => `${t}?`, (t) => t.replace('/', '//'),
  ];
  return targets.flatMap((t) => wrappers.map((w) => w(t)));
}

function benignSweep(): string[] {
  const dirs = ['/api/v1/users', '/static/img', '/docs/guide', 'assets/css', '/blog/2024/05', '/shop/category/shoes', '/media/uploads', 'reports/q3'];
  const files = ['index.html', 'logo.png', 'style.min.css', 'app.js', 'report-2024.pdf', 'photo_001.jpg', 'README.md', 'data.csv', 'invoice 42.pdf', 'users.xml'];
  const out: string[] = [];
  for (const dir of dirs) for (const file of files) {
    out.push(`${dir}/${file}`, `${dir}/${file}?v=3`, `https://example.com${dir.startsWith('/') ? '' : '/'}${dir}/${file}`, `${dir.replaceAll('/', '\\')}\\${file}`);
  }
  return out;
}

describe('path sweeps (generated)', () => {
  it('dot-dot encodings x separators x depths x targets', () => {
    const all = traversalSweep();
    expect(all.length).toBe(8160);
    const missed = all.filter((p) => !blocked(p));
    expect(missed.length, `missed:\n${missed.slice(0, 50).join('\n')}`).toBe(0); // measured 8,160/8,160
  });

  it('inclusion targets x wrappers and suffixes', () => {
    const all = inclusionSweep();
    expect(all.length).toBe(486);
    const missed = all.filter((p) => !blocked(p));
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBe(0); // 478/486 when written (tomcat-users.xml), 486/486 now
  });

  it('ordinary web paths and file names pass', () => {
    const all = benignSweep();
    expect(all.length).toBe(320);
    const flagged = all.filter(blocked);
    expect(flagged, 'flagged').toEqual([]); // measured 0/320
  });
});
