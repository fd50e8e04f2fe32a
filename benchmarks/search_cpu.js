/* The search engine alone, in node, on a built site's index: CPU of a ranking and of a search,
   without a browser, a server or the network (the machine's other load only adds to CPU time
   less than to wall time). qasearch.js is run as the site has it; its <script> files are read
   from the site's folder when it asks for them.

     node benchmarks/search_cpu.js SITE [ROUNDS] [QUERIES.tsv…] [--out FILE]
     node benchmarks/search_cpu.js SITE [ROUNDS] [QUERIES.tsv…] --cold

   For each query (bench.LATER_QUERIES, or the first column of the files given): CPU-ms of one
   ranking (`explain`, mean of ROUNDS, default 20), of `search` for its first ten results (mean of
   ROUNDS, each after a short other query: search keeps its last answer), how many rankings a
   search made (`qabookSearch.rankings`, where the engine counts them), and how many chunks of
   result texts its first ten results are in. `--out` writes the first ten results (document,
   score, coverage, exact coverage, marks) as JSON, to compare two sites' engines and indexes.
   `--cold`: each query's one search in a fresh node process after one other query (训练), as in
   a reader's fresh page: its code not yet optimized, its files read and run as scripts; the
   least CPU-ms of ROUNDS processes (default 7). */
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");

const args = process.argv.slice(2);
const coldAt = args.indexOf("--cold"), cold = coldAt !== -1 && args.splice(coldAt, 1);
const oneAt = args.indexOf("--one"), one = oneAt === -1 ? null : args.splice(oneAt, 2)[1];
const outAt = args.indexOf("--out");
const out = outAt === -1 ? null : args.splice(outAt, 2)[1];
const [site, roundsArg, ...files] = args;
if (!site) { console.error("usage: node benchmarks/search_cpu.js SITE [ROUNDS] [QUERIES.tsv…] [--out FILE]"); process.exit(2); }
const rounds = +(roundsArg || 20);
const dir = path.join(site, "search", "qabook");

global.window = global;
global.document = {
  currentScript: { src: "http://site/assets/qabook/qasearch.js" }, readyState: "complete",
  querySelector: () => null, getElementById: () => null, addEventListener() {}, createElement: () => ({}),
  head: { appendChild(tag) {  // a <script> tag: its file is run on the next turn, as a browser would
    const file = path.join(dir, tag.src.split("/search/qabook/")[1]);
    setImmediate(() => {
      try { vm.runInThisContext(fs.readFileSync(file, "utf8")); } catch (e) { if (tag.onerror) tag.onerror(e); }
    });
  } },
};
global.location = { hash: "" };
global.addEventListener = () => {};
vm.runInThisContext(fs.readFileSync(path.join(site, "assets", "qabook", "qasearch.js"), "utf8"));
const S = global.qabookSearch;

function queries() {
  if (files.length) {
    return [...new Set(files.flatMap(f => fs.readFileSync(f, "utf8").split("\n")
      .filter(l => l.trim() && !l.startsWith("#")).map(l => l.split("\t")[0])))];
  }
  const bench = fs.readFileSync(path.join(__dirname, "bench.py"), "utf8");  // (bench.LATER_QUERIES: one home)
  return JSON.parse(/LATER_QUERIES = (\[[^\]]*\])/.exec(bench)[1].replace(/\s+/g, " "));
}

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

if (one !== null) {  // (a --cold child: one search after 训练, its CPU-ms)
  S.search("训练", 10, 0).then(() => { const c = cpu(); return S.search(one, 10, 0).then(() => console.log(cpu() - c)); });
} else if (cold) {
  const { execFileSync } = require("child_process");
  console.log(`CPU-ms of one search in a fresh process after another query, least of ${+(roundsArg || 7)}`);
  for (const q of queries()) {
    let least = Infinity;
    for (let i = 0; i < +(roundsArg || 7); i++) {
      least = Math.min(least, +execFileSync(process.execPath, [__filename, site, "--one", q]).toString());
    }
    console.log(`${q}\tcold search ${least.toFixed(1)}`);
  }
} else (async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.js"), "utf8").replace(/^qabookSearch\.meta\(/, "").replace(/\);\s*$/, ""));
  await S.search("训练", 10, 0);
  const qs = queries(), firsts = [];
  for (const q of qs) await S.search(q, 10, 0);  // every file each query needs, loaded
  console.log(`${meta.docs} documents, ${meta.chunkDocs} a chunk of texts; CPU-ms, mean of ${rounds}`);
  for (const q of qs) {
    const n0 = S.rankings ? S.rankings() : NaN;
    const r = await S.search(q + " ", 10, 0);  // (another text, the same query: not search's kept answer)
    const made = S.rankings ? S.rankings() - n0 : "?";
    firsts.push([q, r.total, r.results.map(x => [x.doc, x.score, x.cover, x.exact, x.marks.slice().sort()])]);
    let c = cpu();
    for (let i = 0; i < rounds; i++) await S.explain(q);
    const ranking = (cpu() - c) / rounds;
    c = cpu();
    for (let i = 0; i < rounds; i++) await S.search(i % 2 ? q : q + " ", 10, 0);
    const search = (cpu() - c) / rounds;
    const chunks = new Set(r.results.map(x => Math.floor(x.doc / meta.chunkDocs))).size;
    console.log(`${q}\tranking ${ranking.toFixed(2)}\tsearch ${search.toFixed(2)}\trankings a search ${made}\t` +
                `${r.results.length} results in ${chunks} chunks`);
  }
  if (out) fs.writeFileSync(out, JSON.stringify(firsts));
})();
