const MB=1024*1024; const r=()=> `rss ${(process.memoryUsage().rss/MB).toFixed(0)} heap ${(process.memoryUsage().heapUsed/MB).toFixed(0)} ext ${(process.memoryUsage().external/MB).toFixed(1)} ab ${(process.memoryUsage().arrayBuffers/MB).toFixed(1)}`;
console.log("start", r());
const m = await import("../dist/esm/index.js");
console.log("imported", r());
const { seed } = await import("./corpus.mjs");
const doc = JSON.parse((await import("node:fs")).readFileSync("examples/document.json","utf8"));
for (const t of ["report","document","minutes"]) { await m.renderSummary(t==="document"?{...seed, document: doc.document}:seed, {template:t}); console.log(t, r()); }
for (const t of ["report","document","minutes"]) { await m.renderSummary(t==="document"?{...seed, document: doc.document}:seed, {template:t, layout:{fonts:"plain"}}); console.log(t, "plain", r()); }
globalThis.gc?.(); console.log("after gc", r());
