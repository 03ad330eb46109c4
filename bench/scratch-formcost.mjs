// Scratch: analyzeRequest time of 256 KiB bodies (plain, form of tiny fields, JSON array, prose).
//   node bench/scratch-formcost.mjs [distDir]
const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const { createDetector } = await import(dist + '/index.js');
const d = await createDetector();
const n = 256*1024;
const plain = 'x'.repeat(n);
let form=''; let k=0; while(form.length<n){ form += (k?'&':'')+'a'+(k%10)+'=v'; k++; }
form=form.slice(0,n);
const json = JSON.stringify(Array.from({length: n/6}, (_,i)=>'v'+(i%10))).slice(0,n);
const mk=(body,type)=>({method:'POST',url:'/x',headers:{'content-type':type,'content-length':String(body.length)},body});
async function t(name, req){ await d.analyzeRequest(req); const t0=performance.now(); for(let i=0;i<5;i++) await d.analyzeRequest(req); console.log(name, ((performance.now()-t0)/5).toFixed(1),'ms'); }
await t('plain text', mk(plain,'text/plain'));
await t('form', mk(form,'application/x-www-form-urlencoded'));
await t('json array', mk(JSON.stringify(Array.from({length: 40000}, (_,i)=>'v'+(i%10))),'application/json'));
await t('prose text', mk('The quick brown fox jumps over the lazy dog. '.repeat(n/45),'text/plain'));
