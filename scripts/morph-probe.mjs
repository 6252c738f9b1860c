import { Analyzer } from '/work/main/dist/src/morph/analyzer.js';
const t0=performance.now(); const a = new Analyzer(); console.log('init', (performance.now()-t0).toFixed(0));
import Az from 'az';
for (const w of process.argv.slice(2)) { const ps=Az.Morph(w); console.log(w, ps.slice(0,4).map(p=>p.normalize().word+':'+p.tag.toString()+':'+p.score.toFixed(2)+':'+(p.parser?.name||p.parser||'')).join(' | ')); }
