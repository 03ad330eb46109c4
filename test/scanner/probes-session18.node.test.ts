// An independent check set, written in session 18 by a helper from technique knowledge, for command injection and path
// traversal only: commix / PayloadsAllTheThings-style command injection in ordinary value shapes (a file name, an e-mail, an
// address before the separator), ${IFS} and brace expansion, $'\x..' and octal ANSI-C quoting, base64/xxd/rev/tr decoders
// piped to a shell, quote and backslash splitting, wildcards, ${VAR:0:1} slicing, %0a newlines, Windows cmd (^ escapes,
// %VAR%, for /f, certutil, bitsadmin, mshta, regsvr32, wmic, reg save), PowerShell (IEX / New-Object Net.WebClient, -enc,
// Get-ChildItem after '| ', .NET static calls), reverse shells (busybox nc, socat, openssl, telnet, /dev/udp, mknod),
// out-of-band DNS, argument injection (curl -o / --upload-file, wget --post-file, ssh -oProxyCommand, tar, git, sendmail
// -X); traversal with dotdotpwn encodings (double %25, overlong %c0%ae %e0%80%ae %c1%9c, %u2216, fullwidth), nginx alias
// off-by-slash (/static../), ..;/, null-byte suffixes, Windows and UNC paths (\\?\, \\.\GLOBALROOT), file:// php://filter
// zip:// phar:// expect:// data:// glob:// compress.bzip2:// netdoc:// jar:http://, /proc/self and /proc/thread-self,
// zip-slip entry names, secrets of containers and cloud tools. Every row that is also in the corpus or in an earlier probe
// set (case and spacing aside, URL-decoded too) was replaced. session18-benign.jsonl holds what users send that looks like
// it: product names with & and quotes, math, version strings, paths and URLs users type, Windows paths in bug reports,
// shell tutorial prose, CLI docs, Markdown, ticket text, chat, search queries that are command names, passwords.
// Measured at paranoia 1 before the session's rule changes: cmdi 153/158, path 126/128, benign 16/345 blocked. After them
// (a cmdlet after '| ' or '&' given an argument, [Type]::Start( static calls, an exec option given a path, jar:http://):
// cmdi 156/158, path 127/128, benign 16/345. Paranoia 2: cmdi 156, path 127, benign 25/345.
// Misses left: ip addr after && (ip is a weak word: "Server; IP address" is a table header), && set USER (a weak word and a
// plain word after '&': "Copy & Paste"), /var/run/docker.sock alone (no traversal, no scheme; .sock would flag READMEs).
// The benign rows blocked: a command word opening the value before an option or a version (make -j4, curl -I ..., node
// >=18, OpenSSL 3.0.2), config names and dot-dirs in prose (config.yml, ~/.ssh, /etc/nginx, setup.log), ../ in a relative
// asset path, a UNC share, and arithmetic SQL tautologies (sqrt(16) = 4: another helper's domain).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { attackFloors, ordinaryCeiling, probeRows as rows } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 18 check set', () => {
  const attacks = rows('session18-attacks.jsonl');
  attackFloors(() => d, attacks, [['cmdi', 158, 156], ['path', 128, 127]] as const);

  it('holds no other labels', () => {
    expect(attacks.length).toBe(158 + 128);
  });

  it('blocks no more of the ordinary values and look-alikes than measured (16 of 345)', ordinaryCeiling(() => d, 'session18-benign.jsonl', 345, 16));
});
