const MB=1024*1024; const r=()=> (process.memoryUsage().rss/MB).toFixed(1);
const base = process.memoryUsage().rss;
await import("fflate"); console.log("fflate (loader warm-up)", r());
for (const m of ["date-fns/format","date-fns/isValid","date-fns/parseISO","zod","@xmldom/xmldom","pizzip","docxtemplater","../dist/esm/index.js"]) { const a=process.memoryUsage(); await import(m); const b=process.memoryUsage(); console.log(m, ((b.rss-a.rss)/MB).toFixed(1), "rss", ((b.heapUsed-a.heapUsed)/MB).toFixed(1), "heap"); }
console.log("total", ((process.memoryUsage().rss-base)/MB).toFixed(1));
