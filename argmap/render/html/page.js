// argmap's interactive page. Plain JavaScript, no library: the evaluation engine (the same
// rules, order and stopping tests as argmap's Python), then the page (outline, drawing,
// search, details, what if). Every text of the map enters the DOM as a text node.
"use strict";
(function () {
  // ---------------------------------------------------------------------------------------
  // The engine: argmap/_graph.py, _grounded.py, _gradual.py, _dfquad.py, _quadratic.py.
  // ---------------------------------------------------------------------------------------
  const ATTACK = 0, SUPPORT = 1, UNDERCUT = 2;
  const UNDEC = 0, IN = 1, OUT = 2;
  const LABELS = ["undec", "in", "out"];
  const RK4_STEP = 0.5;
  const SATURATION = 1e-3;
  const SATURATING_ENERGY = Math.sqrt((1.0 - SATURATION) / SATURATION);
  const SEMANTICS = ["grounded", "quadratic", "dfquad", "all"];
  const GRADUAL = ["quadratic", "dfquad"];

  function fail(message) {
    throw new Error(message);
  }

  function repr(value) {
    return "'" + String(value).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
  }

  // The integer index of a map (argmap._graph.Graph), with a what-if question applied.
  function buildGraph(model, baseScores, assumed) {
    const claims = model.claims, rels = model.relations;
    const c = claims.length, r = rels.length;
    const claimIds = claims.map((x) => x.id);
    const relationIds = rels.map((x) => x.id);
    const index = new Map();
    claimIds.forEach((id, i) => index.set(id, i));
    const refuse = () => fail("map " + repr(model.id) + " cannot be evaluated: run argmap check on it");
    if (index.size !== c) refuse();
    const theses = model.theses.map((t) => (index.has(t) ? index.get(t) : refuse()));
    const base = claims.map((x) => (x.base === null || x.base === undefined ? 0.5 : x.base));
    for (const b of base) if (typeof b !== "number" || !(b >= 0 && b <= 1)) refuse();
    const target = new Array(r), kind = new Uint8Array(r);
    const undercutBy = new Map();
    let where = null;
    for (let j = 0; j < r; j++) {
      const t = index.get(rels[j].target);
      kind[j] = rels[j].kind === "support" ? SUPPORT : ATTACK;
      if (t !== undefined) { target[j] = t; continue; }
      if (where === null) {
        where = new Map();
        relationIds.forEach((id, k) => { if (!where.has(id)) where.set(id, k); });
      }
      const hit = where.get(rels[j].target);
      if (hit === undefined || kind[j] === SUPPORT) refuse();
      target[j] = c + hit;
      kind[j] = UNDERCUT;
      if (!undercutBy.has(hit)) undercutBy.set(hit, []);
      undercutBy.get(hit).push(j);
    }
    const claimOf = (key, what) => {
      const x = index.get(key);
      if (x === undefined) fail(what + " names " + repr(key) + ", which is no claim of map " + repr(model.id) + "; use a claim id");
      return x;
    };
    for (const [key, value] of Object.entries(baseScores)) base[claimOf(key, "base_scores")] = value;
    const isAssumed = new Map();
    for (const [key, holds] of Object.entries(assumed)) {
      const x = claimOf(key, "assume");
      isAssumed.set(x, holds);
      base[x] = holds ? 1.0 : 0.0;
    }
    const detached = new Set();
    if (isAssumed.size) for (let j = 0; j < r; j++) if (kind[j] !== UNDERCUT && isAssumed.has(target[j])) detached.add(j);
    const first = new Array(r), more = new Map();
    for (let j = 0; j < r; j++) {
      const ps = rels[j].premises;
      if (!ps.length) refuse();
      const ids = ps.map((p) => (index.has(p) ? index.get(p) : refuse()));
      first[j] = ids[0];
      if (ids.length > 1) more.set(j, ids.slice(1));
    }
    const plain = new Uint8Array(r).fill(1);
    for (const j of more.keys()) plain[j] = 0;
    for (const j of undercutBy.keys()) plain[j] = 0;
    const uses = Array.from({ length: c }, () => []);
    for (let j = 0; j < r; j++) uses[first[j]].push(j);
    for (const [j, extra] of more) for (const p of extra) uses[p].push(j);
    const code = new Array(r);
    for (let j = 0; j < r; j++) code[j] = 8 * target[j] + (kind[j] !== SUPPORT ? 2 : 0) + plain[j];
    const supports = new Array(c).fill(0), rebuttals = new Array(c).fill(0);
    for (let j = 0; j < r; j++) {
      if (kind[j] === SUPPORT) supports[target[j]]++;
      else if (kind[j] === ATTACK) rebuttals[target[j]]++;
    }
    for (const x of isAssumed.keys()) supports[x] = rebuttals[x] = 0;
    const into = Array.from({ length: c }, () => []);
    for (let j = 0; j < r; j++) if (kind[j] !== UNDERCUT && !detached.has(j)) into[target[j]].push(j);
    // The relations that are not plain, in Python's {**more, **undercut_by} order.
    const notPlain = [...more.keys()];
    for (const j of undercutBy.keys()) if (!more.has(j)) notPlain.push(j);
    return {
      c, r, n: c + r, claimIds, relationIds, index, theses, base, target, kind, undercutBy,
      assumed: isAssumed, detached, first, more, plain, uses, code, supports, rebuttals, into,
      notPlain,
      premises: (j) => (more.has(j) ? [first[j], ...more.get(j)] : [first[j]]),
    };
  }

  // The grounded labelling: argmap._grounded.label, the same worklist.
  function groundedLabels(g) {
    const { c, n, code, uses, first, supports, rebuttals } = g;
    const left = supports.slice();
    const need = new Array(n).fill(0);
    for (let x = 0; x < c; x++) need[x] = rebuttals[x] + (supports[x] ? 1 : 0);
    for (const j of g.notPlain) {
      need[c + j] = (g.more.has(j) ? g.more.get(j).length : 0) + 1 + (g.undercutBy.has(j) ? g.undercutBy.get(j).length : 0);
    }
    const lab = new Uint8Array(n);
    const stack = [];
    for (let x = 0; x < c; x++) if (!need[x]) { stack.push(x); lab[x] = IN; }
    for (const [x, holds] of g.assumed) lab[x] = holds ? IN : OUT;
    while (stack.length) {
      const x = stack.pop();
      const value = lab[x];
      const claim = x < c;
      const js = claim ? uses[x] : [x - c];
      for (const j of js) {
        const q = code[j];
        const premise = claim && !(q & 1);
        const t = premise ? c + j : q >> 3;
        if (lab[t]) continue;
        if (!(premise || q & 2)) {
          const s = left[t];
          if (s <= 0) continue;
          if (value === IN) {
            left[t] = -1;
            const rest = need[t] - 1;
            need[t] = rest;
            if (rest) continue;
            lab[t] = IN;
          } else {
            left[t] = s - 1;
            if (s > 1) continue;
            lab[t] = OUT;
          }
        } else if (value === (premise ? OUT : IN)) {
          lab[t] = OUT;
        } else {
          const rest = need[t] - 1;
          need[t] = rest;
          if (rest) continue;
          lab[t] = IN;
        }
        stack.push(t);
      }
    }
    const rel = first.map((p) => lab[p]);
    for (const j of g.notPlain) rel[j] = lab[c + j];
    for (let j = 0; j < g.r; j++) lab[c + j] = rel[j];
    return lab;
  }

  function product(values) {
    let p = 1;
    for (const v of values) p *= v;
    return p;
  }

  function impact(e) {
    if (e <= 0) return 0;
    const e2 = e * e;
    return e2 / (1 + e2);
  }

  // The gradual semantics, as argmap._gradual.Rule values.
  const RULES = {
    dfquad: {
      name: "dfquad", neutral: 1.0, cycles: "jacobi",
      contribution: (x) => 1.0 - x,
      fold: (a, w) => a * w,
      total: (values) => { let p = 1; for (const v of values) p *= 1.0 - v; return p; },
      claim: (base, support, attack) => {
        const d = attack - support;
        return d > 0 ? base + (1.0 - base) * d : base + base * d;
      },
      relation: (p, u) => p * u,
      // The probabilistic sum of a side within SATURATION of 1 (its product near 0).
      saturated: (support, attack) => {
        const sides = [];
        if (support <= SATURATION) sides.push("support");
        if (attack <= SATURATION) sides.push("attack");
        return sides;
      },
    },
    quadratic: {
      name: "quadratic", neutral: 0.0, cycles: "rk4",
      contribution: (x) => x,
      fold: (a, w) => a + w,
      total: (values) => { let s = 0; for (const v of values) s += v; return s; },
      claim: (base, support, attack) => {
        const e = support - attack;
        if (e > 0) return base + (1.0 - base) * impact(e);
        if (e < 0) return base - base * impact(-e);
        return base;
      },
      relation: (p, u) => p / (1.0 + u * u),
      // An energy so large that its impact is within SATURATION of 1.
      saturated: (support, attack) => {
        const e = support - attack;
        if (Math.abs(e) < SATURATING_ENERGY) return [];
        return [e > 0 ? "support" : "attack"];
      },
    },
  };

  // argmap._gradual.strengths: Kahn's pass, then the cyclic rest by Jacobi or RK4.
  function gradualStrengths(g, rule, maxIterations, tolerance) {
    const { c, n, code, uses, first } = g;
    const st = new Float64Array(4 * n);
    for (let x = 0; x < n; x++) { st[4 * x] = rule.neutral; st[4 * x + 1] = rule.neutral; }
    for (let x = c; x < n; x++) st[4 * x] = 1.0;
    for (let x = 0; x < c; x++) { st[4 * x + 2] = g.supports[x] + g.rebuttals[x]; st[4 * x + 3] = g.base[x]; }
    for (const j of g.notPlain) {
      st[4 * (c + j) + 2] = (g.more.has(j) ? g.more.get(j).length : 0) + 1 + (g.undercutBy.has(j) ? g.undercutBy.get(j).length : 0);
    }
    const claimsEnd = 4 * c;
    const stack = [];
    for (let x = 0; x < c; x++) if (!st[4 * x + 2]) stack.push(x);
    while (stack.length) {
      const x = stack.pop();
      const v = st[4 * x + 3];
      const w = rule.contribution(v);
      const claim = x < c;
      const js = claim ? uses[x] : [x - c];
      for (const j of js) {
        const q = code[j];
        if (claim && !(q & 1)) {
          const b = 4 * (c + j);
          st[b] *= v;
          const rest = st[b + 2] - 1.0;
          st[b + 2] = rest;
          if (!rest) { st[b + 3] = rule.relation(st[b], st[b + 1]); stack.push(c + j); }
          continue;
        }
        const at = q >> 1;
        st[at] = rule.fold(st[at], w);
        const b = at & -4;
        const rest = st[b + 2] - 1.0;
        st[b + 2] = rest;
        if (rest) continue;
        st[b + 3] = b < claimsEnd ? rule.claim(st[b + 3], st[b], st[b + 1]) : rule.relation(st[b], st[b + 1]);
        stack.push(b >> 2);
      }
    }
    const val = new Array(n);
    for (let x = 0; x < n; x++) val[x] = st[4 * x + 3];
    const rel = first.map((p) => val[p]);
    for (const j of g.notPlain) rel[j] = val[c + j];
    for (let j = 0; j < g.r; j++) val[c + j] = rel[j];
    for (const x of g.assumed.keys()) st[4 * x + 2] = 0.0;
    let waiting = false;
    for (let x = 0; x < n; x++) if (st[4 * x + 2]) { waiting = true; break; }
    const support = new Array(c), attack = new Array(c);
    for (let x = 0; x < c; x++) { support[x] = st[4 * x]; attack[x] = st[4 * x + 1]; }
    if (!waiting) return { values: val, support, attack, converged: true, rounds: 0 };
    const done = new Uint8Array(n);
    for (let x = 0; x < n; x++) done[x] = st[4 * x + 2] ? 0 : 1;
    for (let j = 0; j < g.r; j++) if (g.plain[j]) done[c + j] = done[first[j]];
    const source = (j) => (g.plain[j] ? first[j] : c + j);
    const nodes = [];
    for (let x = 0; x < n; x++) {
      if (done[x]) continue;
      if (x < c) {
        const rels = g.into[x];
        nodes.push([x, g.base[x], rels.filter((j) => g.kind[j] === SUPPORT).map(source), rels.filter((j) => g.kind[j] !== SUPPORT).map(source)]);
      } else if (!g.plain[x - c]) {
        const j = x - c;
        nodes.push([x, -1.0, g.premises(j), (g.undercutBy.get(j) || []).map(source)]);
      }
    }
    const solve = rule.cycles === "jacobi" ? jacobi : rk4;
    const [converged, rounds] = solve(rule, nodes, val, maxIterations, tolerance);
    for (let j = 0; j < g.r; j++) if (g.plain[j] && !done[c + j]) val[c + j] = val[first[j]];
    const aggregate = (inputs) => inputs.reduce((a, i) => rule.fold(a, rule.contribution(val[i])), rule.neutral);
    for (const [x, , pos, neg] of nodes) {
      if (x < c) { support[x] = aggregate(pos); attack[x] = aggregate(neg); }
    }
    return { values: val, support, attack, converged, rounds };
  }

  function startCycles(nodes, val) {
    for (const [x, b, premises] of nodes) if (b < 0) val[x] = product(premises.map((p) => val[p]));
  }

  function applyRule(rule, nodes, val) {
    const get = (i) => val[i];
    return nodes.map(([, b, pos, neg]) =>
      b < 0
        ? rule.relation(product(pos.map(get)), rule.total(neg.map(get)))
        : rule.claim(b, rule.total(pos.map(get)), rule.total(neg.map(get))));
  }

  function jacobi(rule, nodes, val, maxIterations, tolerance) {
    startCycles(nodes, val);
    let rounds = 0, moved = Infinity;
    while (rounds < maxIterations && moved > tolerance) {
      const fresh = applyRule(rule, nodes, val);
      moved = 0;
      nodes.forEach((node, i) => { moved = Math.max(moved, Math.abs(fresh[i] - val[node[0]])); });
      nodes.forEach((node, i) => { val[node[0]] = fresh[i]; });
      rounds += 1;
    }
    return [moved <= tolerance, rounds];
  }

  function rk4(rule, nodes, val, maxIterations, tolerance) {
    startCycles(nodes, val);
    const at = nodes.map((node) => node[0]);
    const h = RK4_STEP;
    const slope = (state) => {
      at.forEach((x, i) => { val[x] = state[i]; });
      return applyRule(rule, nodes, val).map((f, i) => f - state[i]);
    };
    let rounds = 0;
    for (;;) {
      const s0 = at.map((x) => val[x]);
      const k1 = slope(s0);
      let biggest = 0;
      for (const k of k1) biggest = Math.max(biggest, Math.abs(k));
      if (biggest <= tolerance) return [true, rounds];
      if (rounds === maxIterations) return [false, rounds];
      const k2 = slope(s0.map((s, i) => s + (h / 2) * k1[i]));
      const k3 = slope(s0.map((s, i) => s + (h / 2) * k2[i]));
      const k4 = slope(s0.map((s, i) => s + h * k3[i]));
      at.forEach((x, i) => {
        val[x] = Math.min(1.0, Math.max(0.0, s0[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])));
      });
      rounds += 1;
    }
  }

  // What Python's str.isprintable() refuses: other, separator (but the space) characters.
  const UNPRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

  // Python's repr() of an id, as the library's reasons quote ids.
  function pyRepr(text) {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let out = "";
    for (const ch of text) {
      const n = ch.codePointAt(0);
      if (ch === "\\") out += "\\\\";
      else if (ch === quote) out += "\\" + quote;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (ch !== " " && UNPRINTABLE.test(ch)) {
        const hex = n.toString(16);
        out += n < 0x100 ? "\\x" + hex.padStart(2, "0") : n < 0x10000 ? "\\u" + hex.padStart(4, "0") : "\\U" + hex.padStart(8, "0");
      } else out += ch;
    }
    return quote + out + quote;
  }

  function names(ids, limit) {
    limit = limit || 2;
    const shown = ids.slice(0, limit).map(pyRepr);
    if (ids.length > limit) return shown.join(", ") + " and " + (ids.length - limit) + " more";
    if (shown.length > 1) return shown.slice(0, -1).join(", ") + " and " + shown[shown.length - 1];
    return shown[0];
  }

  // The reasons: argmap.explain.reasons, sentence for sentence.
  function claimReason(g, lab, x) {
    const c = g.c, rid = g.relationIds;
    if (g.assumed.has(x)) {
      return "assumed " + (g.assumed.get(x) ? "in" : "out") + " (what if); its reasons and objections are set aside";
    }
    const rels = g.into[x];
    const sups = rels.filter((j) => g.kind[j] === SUPPORT), atts = rels.filter((j) => g.kind[j] !== SUPPORT);
    const status = lab[x];
    if (status === OUT) {
      const winners = atts.filter((j) => lab[c + j] === IN);
      if (winners.length) return "rebuttal " + pyRepr(rid[winners[0]]) + " holds against it";
      const failed = sups.map((j) => rid[j]);
      if (failed.length === 1) return "its only support, " + pyRepr(failed[0]) + ", fails";
      return "every support fails (" + names(failed) + ")";
    }
    if (status === IN) {
      const head = sups.length
        ? "support " + pyRepr(rid[sups.find((j) => lab[c + j] === IN)]) + " holds"
        : "accepted as a basic premise (nothing supports it)";
      if (!atts.length) return head + " and nothing attacks it";
      if (atts.length === 1) return head + " and the one rebuttal, " + pyRepr(rid[atts[0]]) + ", fails";
      return head + " and every rebuttal fails (" + names(atts.map((j) => rid[j])) + ")";
    }
    const openAtts = atts.filter((j) => lab[c + j] === UNDEC).map((j) => rid[j]);
    if (openAtts.length) {
      return "rebuttal " + names(openAtts) + " " + (openAtts.length === 1 ? "is" : "are") + " undecided, so it is neither in nor out";
    }
    const openSups = sups.filter((j) => lab[c + j] === UNDEC).map((j) => rid[j]);
    return "no support holds and " + names(openSups) + " " + (openSups.length === 1 ? "is" : "are") + " undecided";
  }

  function relationReason(g, lab, j) {
    const c = g.c, cid = g.claimIds, rid = g.relationIds;
    const premises = g.premises(j), unders = g.undercutBy.get(j) || [];
    const status = lab[c + j];
    if (status === OUT) {
      const out = premises.filter((p) => lab[p] === OUT);
      if (out.length) return "premise " + pyRepr(cid[out[0]]) + " is out";
      return "undercut " + pyRepr(rid[unders.find((u) => lab[c + u] === IN)]) + " holds against it";
    }
    if (status === IN) {
      let head;
      if (premises.length === 1) head = "its premise " + pyRepr(cid[premises[0]]) + " is in";
      else if (premises.length === 2) head = "its premises " + names(premises.map((p) => cid[p])) + " are both in";
      else head = "all its premises (" + names(premises.map((p) => cid[p]), 3) + ") are in";
      if (!unders.length) return head + " and nothing undercuts it";
      return head + " and every undercut fails (" + names(unders.map((u) => rid[u])) + ")";
    }
    const open = premises.filter((p) => lab[p] === UNDEC);
    if (open.length) return "premise " + pyRepr(cid[open[0]]) + " is undecided";
    return "undercut " + pyRepr(rid[unders.find((u) => lab[c + u] === UNDEC)]) + " is undecided";
  }

  function checkQuestion(assume, baseScores) {
    const assumed = {}, scores = {};
    if (assume !== undefined && assume !== null) {
      if (typeof assume !== "object") fail("assume must be an object of claim ids to 'in' or 'out'");
      for (const [key, said] of Object.entries(assume)) {
        if (said !== "in" && said !== "out") fail("assume[" + repr(key) + "] must be 'in' or 'out'; leave a claim out of assume to keep it open");
        assumed[key] = said === "in";
      }
    }
    if (baseScores !== undefined && baseScores !== null) {
      if (typeof baseScores !== "object") fail("baseScores must be an object of claim ids to numbers in [0, 1]");
      for (const [key, score] of Object.entries(baseScores)) {
        if (typeof score !== "number" || !(score >= 0 && score <= 1)) fail("base_scores[" + repr(key) + "] must be a number from 0 to 1");
        scores[key] = score;
      }
    }
    return [assumed, scores];
  }

  // What `argmap evaluate --json` says (labels, strengths and the rest, without the
  // explanations), for any model in the shape the page embeds.
  function evaluateModel(model, semantics, assume, baseScores, options) {
    semantics = semantics === undefined || semantics === null ? "all" : semantics;
    if (!SEMANTICS.includes(semantics)) fail("unknown semantics " + repr(semantics) + "; use one of 'grounded', 'quadratic', 'dfquad', 'all'");
    const maxIterations = (options && options.maxIterations) || 1000;
    const tolerance = (options && options.tolerance) || 1e-9;
    const [assumed, scores] = checkQuestion(assume, baseScores);
    const g = buildGraph(model, scores, assumed);
    const out = {
      semantics, strength_semantics: "", assumed: {}, base_scores: {}, labels: {}, strengths: {},
      relation_labels: {}, effective: {}, relation_strengths: {}, reasons: {}, saturated: {}, converged: true,
      iterations: 0, gradual: {},
    };
    for (const [k, v] of Object.entries(assumed)) out.assumed[k] = v ? "in" : "out";
    Object.assign(out.base_scores, scores);
    if (semantics === "grounded" || semantics === "all") {
      const lab = groundedLabels(g);
      g.claimIds.forEach((id, x) => { if (!(id in out.labels)) out.labels[id] = LABELS[lab[x]]; });
      g.relationIds.forEach((id, j) => {
        out.relation_labels[id] = LABELS[lab[g.c + j]];
        out.effective[id] = lab[g.c + j] === IN;
      });
      g.claimIds.forEach((id, x) => { out.reasons[id] = claimReason(g, lab, x); });
      g.relationIds.forEach((id, j) => { out.reasons[id] = relationReason(g, lab, j); });
    }
    const names = semantics === "all" ? GRADUAL : GRADUAL.filter((s) => s === semantics);
    for (const name of names) {
      const sol = gradualStrengths(g, RULES[name], maxIterations, tolerance);
      const part = { strengths: {}, relation_strengths: {}, saturated: {}, converged: sol.converged, iterations: sol.rounds };
      g.claimIds.forEach((id, x) => {
        part.strengths[id] = sol.values[x];
        const sides = RULES[name].saturated(sol.support[x], sol.attack[x]);
        if (sides.length && !g.assumed.has(x)) part.saturated[id] = sides;
      });
      g.relationIds.forEach((id, j) => { part.relation_strengths[id] = sol.values[g.c + j]; });
      out.gradual[name] = part;
    }
    if (names.length) {
      const head = out.gradual[names[0]];
      out.strength_semantics = names[0];
      out.strengths = head.strengths;
      out.relation_strengths = head.relation_strengths;
      out.saturated = head.saturated;
      out.converged = head.converged;
      out.iterations = head.iterations;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // The page.
  // ---------------------------------------------------------------------------------------
  const model = JSON.parse(document.getElementById("argmap-data").textContent);
  const claimsById = new Map(model.claims.map((c) => [c.id, c]));
  const relationsById = new Map(model.relations.map((r) => [r.id, r]));
  const reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const WORDS = { in: "accepted", out: "rejected", undec: "undecided" };
  const NAMES = { quadratic: "QE", dfquad: "DF-QuAD" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "className") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function short(text, n) {
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  // Relations into each claim (and relation), out of each claim.
  const into = new Map(), outOf = new Map();
  for (const r of model.relations) {
    if (!into.has(r.target)) into.set(r.target, []);
    into.get(r.target).push(r);
    for (const p of r.premises) {
      if (!outOf.has(p)) outOf.set(p, []);
      if (!outOf.get(p).includes(r)) outOf.get(p).push(r);
    }
  }
  const kindOf = (r) => (r.kind === "support" ? "support" : relationsById.has(r.target) && !claimsById.has(r.target) ? "undercut" : "rebuttal");
  const ROLE = { support: "reason", rebuttal: "objection", undercut: "undercut" };

  // -- state ------------------------------------------------------------------------------
  const state = {
    selected: null, assume: {}, baseScores: {}, strength: "quadratic",
    baseline: null, current: null, matches: [], matchAt: -1,
  };

  // -- skeleton ---------------------------------------------------------------------------
  const app = document.getElementById("app");
  const drawing = document.getElementById("drawing");
  const svg = drawing.querySelector("svg");
  const search = el("input", { id: "search", type: "search", placeholder: "Search words or id", "aria-label": "Search claims by words or id", autocomplete: "off" });
  const count = el("span", { id: "count", "aria-live": "polite" });
  const prev = el("button", { type: "button", "aria-label": "Previous match", title: "Previous match (Shift+Enter)" }, "↑");
  const next = el("button", { type: "button", "aria-label": "Next match", title: "Next match (Enter)" }, "↓");
  const form = el("form", { role: "search" }, search, prev, next, count);
  const strengthPick = el("select", { id: "strength", "aria-label": "Strength semantics" },
    el("option", { value: "quadratic", title: "the quadratic energy model" }, "Strength: QE"),
    el("option", { value: "dfquad" }, "Strength: DF-QuAD"));
  const reset = el("button", { type: "button", id: "reset", disabled: true }, "Undo what-ifs");
  const status = el("span", { id: "status", role: "status" });
  const bar = el("header", { id: "bar" }, el("h1", { text: model.title || model.id }), form,
    el("div", { className: "group" }, strengthPick, reset, status));
  const tree = el("ul", { id: "tree", role: "tree", "aria-label": "Outline of the map" });
  const outlinePane = el("nav", { id: "outline-pane", "aria-label": "Outline" }, el("h2", { text: "Outline" }), tree);
  const crumbs = el("nav", { id: "crumbs", "aria-label": "Where the selected claim sits" });
  const viewport = el("div", { id: "viewport", tabindex: "0", role: "group", "aria-roledescription": "map drawing", "aria-label": "Map drawing: arrow keys pan, + and - zoom, 0 fits the map" });
  const zoomIn = el("button", { type: "button", "aria-label": "Zoom in" }, "+");
  const zoomOut = el("button", { type: "button", "aria-label": "Zoom out" }, "−");
  const fitButton = el("button", { type: "button", "aria-label": "Fit the map to the window" }, "Fit");
  const hint = el("p", { id: "hint", "aria-hidden": "true" }, "drag to pan · wheel or pinch to zoom · click a claim");
  const mapPane = el("section", { id: "map-pane", "aria-label": "Map" }, crumbs, viewport, hint, el("div", { id: "zoom" }, zoomIn, zoomOut, fitButton));
  const details = el("aside", { id: "details", "aria-label": "Details of the selected claim" });
  const panes = el("main", { id: "panes" }, outlinePane, mapPane, details);
  viewport.append(svg);
  drawing.remove();
  app.append(bar, panes);

  // -- the drawing: pan, zoom, fit --------------------------------------------------------
  const full = svg.viewBox.baseVal;
  const home = { x: full.x, y: full.y, w: full.width, h: full.height };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  svg.setAttribute("aria-hidden", "true");
  svg.querySelectorAll("a").forEach((a) => a.setAttribute("tabindex", "-1"));
  let view = { ...home };

  function aspect() {
    const box = viewport.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? box.width / box.height : home.w / home.h;
  }

  function setView(v) {
    const ratio = aspect();
    const w = Math.min(Math.max(v.w, home.w / 60), Math.max(home.w, home.h * ratio) * 3);
    const h = w / ratio;
    const cx = v.x + v.w / 2, cy = v.y + v.h / 2;
    view = { x: cx - w / 2, y: cy - h / 2, w, h };
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }

  let animation = 0;
  function moveTo(v, animate) {
    cancelAnimationFrame(animation);
    if (!animate || reduceMotion) { setView(v); return; }
    const from = { ...view }, start = performance.now();
    const step = (now) => {
      const t = Math.min(1, (now - start) / 250), e = t * (2 - t);
      setView({ x: from.x + (v.x - from.x) * e, y: from.y + (v.y - from.y) * e, w: from.w + (v.w - from.w) * e, h: from.h + (v.h - from.h) * e });
      if (t < 1) animation = requestAnimationFrame(step);
    };
    animation = requestAnimationFrame(step);
  }

  function fit(animate) {
    const ratio = aspect();
    const w = Math.max(home.w, home.h * ratio);
    moveTo({ x: home.x + home.w / 2 - w / 2, y: home.y + home.h / 2 - w / ratio / 2, w, h: w / ratio }, animate);
  }

  function toUser(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  function zoomAt(factor, clientX, clientY) {
    const box = viewport.getBoundingClientRect();
    const p = clientX === undefined ? toUser(box.left + box.width / 2, box.top + box.height / 2) : toUser(clientX, clientY);
    const w = view.w / factor, h = view.h / factor;
    setView({ x: p.x - (p.x - view.x) / factor, y: p.y - (p.y - view.y) / factor, w, h });
  }

  function pan(dx, dy) {
    setView({ x: view.x + dx, y: view.y + dy, w: view.w, h: view.h });
  }

  function nodeBox(claim) {
    const node = document.getElementById(claim.node);
    if (!node) return null;
    const r = node.getBoundingClientRect();
    const a = toUser(r.left, r.top), b = toUser(r.right, r.bottom);
    return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
  }

  // How many drawing units the viewport shows at a readable size (11-point text at 80%).
  function readableWidth() {
    return viewport.getBoundingClientRect().width / 0.8;
  }

  function centreOn(claim, animate) {
    const b = nodeBox(claim);
    if (!b) return;
    const w = Math.min(view.w, Math.max(b.w * 1.3, readableWidth()));
    const h = w / aspect();
    moveTo({ x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - h / 2, w, h }, animate);
  }

  viewport.addEventListener("wheel", (e) => {
    e.preventDefault();
    // Pinch on a touch pad arrives with ctrlKey; a mouse wheel moves by lines or big
    // steps: both zoom. A touch pad's two-finger scroll pans.
    const mouse = e.deltaMode === 1 || (e.deltaX === 0 && Math.abs(e.deltaY) >= 50 && Number.isInteger(e.deltaY));
    if (e.ctrlKey || mouse) {
      const dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
      zoomAt(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002)), e.clientX, e.clientY);
    } else {
      const m = svg.getScreenCTM();
      const scale = m ? 1 / m.a : 1;
      pan(e.deltaX * scale, e.deltaY * scale);
    }
  }, { passive: false });

  const pointers = new Map();
  let dragged = false, pinch = 0;
  viewport.addEventListener("pointerdown", (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    dragged = false;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = Math.hypot(a.x - b.x, a.y - b.y);
    }
  });
  viewport.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const m = svg.getScreenCTM();
    const scale = m ? 1 / m.a : 1;
    if (pointers.size === 1) {
      const dx = e.clientX - last.x, dy = e.clientY - last.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) { viewport.setPointerCapture(e.pointerId); viewport.classList.add("dragging"); }
      dragged = true;
      pan(-dx * scale, -dy * scale);
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinch > 0 && d > 0) zoomAt(d / pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
      pinch = d;
      dragged = true;
    }
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    if (!pointers.size) viewport.classList.remove("dragging");
  };
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  viewport.addEventListener("click", (e) => {
    e.preventDefault();  // the drawing's links open from the details panel, not here
    if (dragged) return;
    const node = e.target.closest && e.target.closest("g.node");
    const claim = node && claimByNode.get(node.id);
    if (claim) select(claim.id, { from: "map" });
  });
  viewport.addEventListener("keydown", (e) => {
    const step = 0.15;
    const keys = {
      ArrowLeft: () => pan(-view.w * step, 0), ArrowRight: () => pan(view.w * step, 0),
      ArrowUp: () => pan(0, -view.h * step), ArrowDown: () => pan(0, view.h * step),
      "+": () => zoomAt(1.25), "=": () => zoomAt(1.25), "-": () => zoomAt(0.8), "0": () => fit(true),
    };
    if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); keys[e.key](); }
  });
  zoomIn.addEventListener("click", () => zoomAt(1.25));
  zoomOut.addEventListener("click", () => zoomAt(0.8));
  fitButton.addEventListener("click", () => fit(true));
  window.addEventListener("resize", () => setView(view));

  const claimByNode = new Map(model.claims.map((c) => [c.node, c]));

  // Badges on the drawing: the grounded label and the strength, recomputed.
  const SVGNS = "http://www.w3.org/2000/svg";
  const badges = new Map();
  function measureClaims() {
    // Every box is read before anything is written: one layout, not one per claim.
    const boxes = [];
    for (const claim of model.claims) {
      const node = document.getElementById(claim.node);
      const shape = node && node.querySelector("path, polygon, ellipse");
      if (shape) boxes.push([claim, node, shape.getBBox()]);
    }
    return boxes;
  }

  function placeBadges(boxes) {
    for (const [claim, node, b] of boxes) {
      const g = document.createElementNS(SVGNS, "g");
      g.setAttribute("class", "badge");
      const rect = document.createElementNS(SVGNS, "rect");
      const text = document.createElementNS(SVGNS, "text");
      rect.setAttribute("rx", "3");
      rect.setAttribute("height", "12");
      rect.setAttribute("y", String(b.y - 7));
      text.setAttribute("y", String(b.y + 2));
      g.append(rect, text);
      node.append(g);
      badges.set(claim.id, { g, rect, text, right: b.x + b.width - 4 });
    }
  }

  // -- the outline ------------------------------------------------------------------------
  // Theses, their case for and case against, then reasons and objections, each claim
  // expanded once at its shallowest mention (breadth-first), later mentions pointing there.
  const items = [];            // every tree item, in document order after build
  const primary = new Map();   // claim id -> the item where it is expanded
  let hiddenCountsDirty = true;

  function makeItem(kind, claim, role, words) {
    const li = el("li", { role: "treeitem", tabindex: "-1", "aria-selected": "false" });
    li.className = kind;
    const row = el("div", { className: "row" });
    const toggle = el("span", { className: "toggle", "aria-hidden": "true" });
    row.append(toggle);
    if (role) row.append(el("span", { className: "role " + role, text: role }));
    row.append(el("span", { className: "text", text: words }));
    const marks = el("span", { className: "marks" });
    const hidden = el("span", { className: "hidden-count" });
    row.append(marks, hidden);
    li.append(row);
    const item = { li, row, toggle, marks, hidden, kind, claim, role, words, children: [], parent: null, group: null };
    li._item = item;
    return item;
  }

  function addChild(parent, child) {
    child.parent = parent;
    parent.children.push(child);
  }

  function buildOutline() {
    const roots = [];
    const queue = [];
    const claimItem = (claim, role, parent) => {
      const seen = primary.has(claim.id);
      const item = makeItem(seen ? "claim see" : "claim", claim, role, seen ? claim.text + " (see the first mention)" : claim.text);
      if (!seen) { primary.set(claim.id, item); queue.push(item); }
      if (parent) addChild(parent, item);
      return item;
    };
    const relationItems = (r, parent) => {
      const role = ROLE[kindOf(r)];
      let holder;
      if (r.premises.length > 1) {
        holder = makeItem("jointly", null, role, "jointly, " + r.premises.length + " premises" + (r.label ? ": " + r.label : ""));
        addChild(parent, holder);
        for (const p of r.premises) if (claimsById.has(p)) claimItem(claimsById.get(p), "premise", holder);
      } else if (claimsById.has(r.premises[0])) {
        holder = claimItem(claimsById.get(r.premises[0]), role, parent);
      } else return;
      // Undercuts of this relation sit under what it brought.
      for (const u of into.get(r.id) || []) relationItems(u, holder);
    };
    const expand = (item) => {
      const rels = into.get(item.claim.id) || [];
      for (const r of rels.filter((x) => x.kind === "support")) relationItems(r, item);
      for (const r of rels.filter((x) => x.kind !== "support")) relationItems(r, item);
    };
    for (const t of model.theses) {
      const claim = claimsById.get(t);
      if (!claim || primary.has(t)) continue;
      const item = makeItem("thesis", claim, "thesis", claim.text);
      primary.set(t, item);
      roots.push(item);
      const rels = into.get(t) || [];
      const forCase = makeItem("case", null, null, "Case for");
      const againstCase = makeItem("case", null, null, "Case against");
      for (const r of rels.filter((x) => x.kind === "support")) relationItems(r, forCase);
      for (const r of rels.filter((x) => x.kind !== "support")) relationItems(r, againstCase);
      if (forCase.children.length) addChild(item, forCase);
      if (againstCase.children.length) addChild(item, againstCase);
    }
    const drain = () => { while (queue.length) expand(queue.shift()); };
    drain();
    // Claims no thesis reaches: an outline of their own, from the claims nothing cites.
    const rest = model.claims.filter((c) => !primary.has(c.id));
    if (rest.length) {
      const other = makeItem("case", null, null, "Not linked to a thesis");
      roots.push(other);
      const cited = new Set(model.relations.flatMap((r) => r.premises));
      const order = [...rest.filter((c) => !cited.has(c.id)), ...rest.filter((c) => cited.has(c.id))];
      for (const c of order) {
        if (primary.has(c.id)) continue;
        claimItem(c, null, other);
        drain();
      }
    }
    return roots;
  }

  function renderItems(list, ul, level) {
    list.forEach((item, i) => {
      item.level = level;
      item.li.setAttribute("aria-level", level);
      item.li.setAttribute("aria-setsize", list.length);
      item.li.setAttribute("aria-posinset", i + 1);
      ul.append(item.li);
      if (item.children.length) {
        item.group = el("ul", { role: "group" });
        item.li.append(item.group);
        renderItems(item.children, item.group, level + 1);
        setExpanded(item, level < 3);
      }
    });
  }

  function descendants(item) {
    let n = 0;
    for (const child of item.children) n += (child.claim ? 1 : 0) + descendants(child);
    return n;
  }

  function setExpanded(item, open) {
    if (!item.children.length) return;
    item.li.setAttribute("aria-expanded", open ? "true" : "false");
    item.group.hidden = !open;
    item.toggle.textContent = open ? "▾" : "▸";
    const n = descendants(item);
    item.hidden.textContent = open ? "" : n + " hidden";
    describe(item);
  }

  function visibleItems() {
    return items.filter((item) => {
      for (let p = item.parent; p; p = p.parent) if (p.group.hidden) return false;
      return true;
    });
  }

  function marksOf(id) {
    const e = state.current;
    const label = e.labels[id];
    const strength = e.gradual[state.strength].strengths[id];
    return { label, strength };
  }

  function describe(item) {
    // What a screen reader says of an item: its role, text, label and strength in words.
    const parts = [];
    if (item.role) parts.push(item.role);
    parts.push(item.words);
    if (item.claim && state.current) {
      const { label, strength } = marksOf(item.claim.id);
      parts.push((WORDS[label] || label) + " under grounded semantics");
      parts.push("strength " + strength.toFixed(2) + " (" + NAMES[state.strength] + ")");
      if (item.li.classList.contains("changed")) parts.push("changed by the what-if");
    }
    if (item.hidden.textContent) parts.push(item.hidden.textContent);
    item.li.setAttribute("aria-label", parts.join(", "));
  }

  function focusItem(item) {
    for (const other of items) other.li.tabIndex = -1;
    item.li.tabIndex = 0;
    item.li.focus();
  }

  function revealItem(item) {
    for (let p = item.parent; p; p = p.parent) if (p.li.getAttribute("aria-expanded") === "false") setExpanded(p, true);
  }

  tree.addEventListener("click", (e) => {
    const li = e.target.closest("li[role=treeitem]");
    if (!li) return;
    const item = li._item;
    if (e.target.closest(".toggle") && item.children.length) {
      setExpanded(item, li.getAttribute("aria-expanded") !== "true");
      focusItem(item);
      return;
    }
    activate(item);
  });

  function activate(item) {
    if (item.claim) select(item.claim.id, { from: "tree", item });
    else { focusItem(item); if (item.children.length) setExpanded(item, item.li.getAttribute("aria-expanded") !== "true"); }
  }

  tree.addEventListener("keydown", (e) => {
    const li = e.target.closest("li[role=treeitem]");
    if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
    const item = li._item;
    const shown = visibleItems();
    const at = shown.indexOf(item);
    const open = li.getAttribute("aria-expanded") === "true";
    const go = (target) => { if (target) { focusItem(target); if (target.claim) select(target.claim.id, { from: "tree", item: target, keepFocus: true }); } };
    switch (e.key) {
      case "ArrowDown": go(shown[at + 1]); break;
      case "ArrowUp": go(shown[at - 1]); break;
      case "Home": go(shown[0]); break;
      case "End": go(shown[shown.length - 1]); break;
      case "ArrowRight":
        if (item.children.length && !open) setExpanded(item, true);
        else if (item.children.length) go(item.children[0]);
        break;
      case "ArrowLeft":
        if (item.children.length && open) setExpanded(item, false);
        else if (item.parent) go(item.parent);
        break;
      case "Enter": case " ":
        activate(item);
        break;
      case "*":
        for (const sib of item.parent ? item.parent.children : roots) setExpanded(sib, true);
        break;
      default:
        // Type-ahead: a letter moves to the next visible item whose text starts with it.
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const key = e.key.toLowerCase();
          const order = [...shown.slice(at + 1), ...shown.slice(0, at + 1)];
          go(order.find((x) => x.words.toLowerCase().startsWith(key)));
          break;
        }
        return;
    }
    e.preventDefault();
  });

  // -- selection, breadcrumbs, details -----------------------------------------------------
  function select(id, how) {
    how = how || {};
    const claim = claimsById.get(id);
    if (!claim) fail("no claim " + repr(id) + " in map " + repr(model.id));
    if (state.selected) {
      const old = document.getElementById(claimsById.get(state.selected).node);
      if (old) old.classList.remove("selected");
    }
    state.selected = id;
    const node = document.getElementById(claim.node);
    if (node) node.classList.add("selected");
    const item = how.item && !how.item.li.classList.contains("see") ? how.item : primary.get(id);
    for (const other of items) other.li.setAttribute("aria-selected", "false");
    if (item) {
      revealItem(item);
      item.li.setAttribute("aria-selected", "true");
      if (how.from === "tree" && !how.keepFocus) focusItem(item);
      else { for (const other of items) other.li.tabIndex = -1; item.li.tabIndex = 0; }
      if (how.from !== "tree" && how.from !== "start") scrollWithin(outlinePane, item.li);
    }
    if (!how.stay) centreOn(claim, how.from !== "tree" || !how.keepFocus);
    showCrumbs(item);
    showDetails(claim);
    return id;
  }

  function scrollWithin(pane, child) {
    // Scroll the pane alone (scrollIntoView would scroll the page too on a phone).
    const p = pane.getBoundingClientRect(), r = child.getBoundingClientRect();
    if (r.top < p.top) pane.scrollTop += r.top - p.top - 8;
    else if (r.bottom > p.bottom) pane.scrollTop += Math.min(r.bottom - p.bottom + 8, r.top - p.top - 8);
  }

  function showCrumbs(item) {
    crumbs.replaceChildren();
    const path = [];
    for (let p = item; p; p = p.parent) if (p.claim) path.unshift(p);
    path.forEach((p, i) => {
      if (i) crumbs.append(el("span", { className: "sep", "aria-hidden": "true" }, "›"));
      const b = el("button", { type: "button", title: p.claim.text }, (p.role && p.role !== "thesis" ? p.role + ": " : "") + short(p.claim.text, 40));
      if (i === path.length - 1) b.setAttribute("aria-current", "location");
      b.addEventListener("click", () => select(p.claim.id, { from: "crumbs", item: p }));
      crumbs.append(b);
    });
  }

  function claimLink(id) {
    const c = claimsById.get(id);
    if (!c) return el("span", { text: id });
    const b = el("button", { type: "button", className: "link" }, short(c.text, 90));
    b.addEventListener("click", () => select(id, { from: "details" }));
    return b;
  }

  function relationLine(r, direction) {
    const kind = kindOf(r);
    const li = el("li");
    if (direction === "in") {
      li.append(el("strong", { text: ROLE[kind] + " " }));
      if (r.premises.length > 1) {
        const ul = el("ul");
        for (const p of r.premises) ul.append(el("li", {}, claimLink(p)));
        li.append("(jointly)", ul);
      } else li.append(claimLink(r.premises[0]));
    } else {
      const verb = { support: "supports", rebuttal: "objects to", undercut: "undercuts" }[kind];
      li.append(el("strong", { text: verb + " " }));
      if (kind === "undercut") {
        const target = relationsById.get(r.target);
        li.append("the step from ");
        target.premises.forEach((p, i) => { if (i) li.append(" + "); li.append(claimLink(p)); });
        li.append(" to ");
        li.append(claimLink(target.target));
      } else li.append(claimLink(r.target));
      if (r.premises.length > 1) li.append(" (jointly with " + (r.premises.length - 1) + " more)");
    }
    if (r.label) li.append(" — " + r.label);
    const effective = state.current.effective[r.id];
    if (effective === false) li.append(el("span", { className: "note", text: " (takes no effect)" }));
    return li;
  }

  function evaluationParts(id) {
    const e = state.current, base = state.baseline;
    const parts = [];
    const label = e.labels[id];
    const ev = el("dl");
    const changedLabel = label !== base.labels[id];
    ev.append(el("dt", { text: "grounded" }), el("dd", { className: "lab-" + label }, label + " (" + WORDS[label] + ")" + (changedLabel ? ", was " + base.labels[id] : "")));
    for (const name of GRADUAL) {
      const s = e.gradual[name].strengths[id], was = base.gradual[name].strengths[id];
      const moved = Math.abs(s - was) > 1e-9 ? ", was " + was.toFixed(3) : "";
      ev.append(el("dt", { text: NAMES[name] + " strength" }), el("dd", { text: s.toFixed(3) + moved }));
    }
    parts.push(ev);
    const whatIf = Object.keys(state.assume).length + Object.keys(state.baseScores).length;
    const reason = e.reasons[id];
    if (reason) parts.push(el("p", {}, el("strong", { text: "Why: " }), reason));
    const cruxes = model.evaluation.cruxes[id];
    if (cruxes && cruxes.length && !whatIf) {
      const ul = el("ul");
      for (const x of cruxes) ul.append(el("li", {}, claimLink(x)));
      parts.push(el("p", { text: "Cruxes (rejecting one would change this thesis's label):" }), ul);
    }
    return parts;
  }

  function showDetails(claim) {
    const id = claim.id;
    const parts = [el("h2", { text: model.theses.includes(id) ? "Thesis" : "Claim" }), el("p", { className: "claim-text", text: claim.text })];
    const dl = el("dl");
    const row = (k, v) => { if (v) dl.append(el("dt", { text: k }), el("dd", { text: v })); };
    row("id", id);
    if (model.verdicts[id]) row("the source's verdict", model.verdicts[id]);
    row("tags", claim.tags.join(", "));
    row("qualifier", claim.qualifier);
    row("note", claim.note);
    if (claim.implicit) row("implicit", "yes: the source does not say it outright");
    parts.push(dl);
    // The evaluation, with the reasons the command line gives.
    parts.push(el("h2", { text: "Evaluation" }), el("div", { id: "evaluation" }, ...evaluationParts(id)));
    parts.push(whatIfControls(claim));
    // Evidence.
    if (claim.quotes.length) {
      parts.push(el("h2", { text: "Quotes" }));
      for (const q of claim.quotes) {
        const cite = el("cite");
        const who = [q.author, q.title, q.outlet, q.date].filter(Boolean).join(", ");
        cite.append("— " + (who || q.source));
        const url = safeUrl(q.url);
        if (url) cite.append(" ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "link"));
        parts.push(el("blockquote", {}, el("p", { text: "“" + q.text + "”" }), cite));
      }
    }
    const ins = into.get(id) || [], outs = outOf.get(id) || [];
    if (ins.length) { const ul = el("ul"); ins.forEach((r) => ul.append(relationLine(r, "in"))); parts.push(el("h2", { text: "Relations into it" }), ul); }
    if (outs.length) { const ul = el("ul"); outs.forEach((r) => ul.append(relationLine(r, "out"))); parts.push(el("h2", { text: "Relations out of it" }), ul); }
    details.replaceChildren(...parts);
  }

  function whatIfControls(claim) {
    const id = claim.id;
    const box = el("fieldset", {}, el("legend", { text: "What if" }));
    const now = state.assume[id] || "open";
    for (const [value, words] of [["open", "open"], ["in", "accepted"], ["out", "rejected"]]) {
      const input = el("input", { type: "radio", name: "assume", value, checked: now === value });
      input.addEventListener("change", () => {
        if (value === "open") delete state.assume[id]; else state.assume[id] = value;
        recompute();
      });
      box.append(el("label", {}, input, " " + words));
    }
    const given = claim.base === null ? 0.5 : claim.base;
    const score = id in state.baseScores ? state.baseScores[id] : given;
    const slider = el("input", { type: "range", min: "0", max: "1", step: "0.01", value: String(score), id: "base-score", "aria-describedby": "base-note" });
    const out = el("output", { for: "base-score", text: score.toFixed(2) });
    slider.addEventListener("input", () => {
      const v = Number(slider.value);
      if (Math.abs(v - given) < 1e-12) delete state.baseScores[id]; else state.baseScores[id] = v;
      out.textContent = v.toFixed(2);
      recompute(true);
    });
    box.append(el("div", {}, el("label", { for: "base-score" }, "base score "), out), slider,
      el("p", { className: "note", id: "base-note", text: "The map gives " + given.toFixed(2) + ". An accepted or rejected claim has strength 1 or 0 whatever its base score." }));
    return box;
  }

  // -- evaluation in the page -------------------------------------------------------------
  function recompute(keepDetails) {
    state.current = evaluateModel(model, "all", state.assume, state.baseScores);
    paint();
    const n = Object.keys(state.assume).length + Object.keys(state.baseScores).length;
    reset.disabled = n === 0;
    const changed = model.claims.filter((c) => isChanged(c.id)).length;
    status.textContent = n ? "What if: " + n + " change" + (n === 1 ? "" : "s") + ", " + changed + " claim" + (changed === 1 ? "" : "s") + " changed" : "";
    if (state.selected && !keepDetails) showDetails(claimsById.get(state.selected));
    else if (state.selected) refreshEvaluationOnly();
  }

  function refreshEvaluationOnly() {
    // While the slider moves, only the evaluation is redrawn: the slider stays in the
    // reader's hand.
    const box = document.getElementById("evaluation");
    if (box) box.replaceChildren(...evaluationParts(state.selected));
  }

  function isChanged(id) {
    const a = state.current, b = state.baseline;
    return a.labels[id] !== b.labels[id] || GRADUAL.some((s) => Math.abs(a.gradual[s].strengths[id] - b.gradual[s].strengths[id]) > 1e-9) || id in state.assume || id in state.baseScores;
  }

  function paint() {
    for (const claim of model.claims) {
      const { label, strength } = marksOf(claim.id);
      const changed = isChanged(claim.id);
      const node = document.getElementById(claim.node);
      if (node) {
        node.classList.remove("st-in", "st-out", "st-undec");
        node.classList.add("st-" + label);
        node.classList.toggle("changed", changed);
      }
      const badge = badges.get(claim.id);
      if (badge) {
        badge.text.textContent = label + " · " + strength.toFixed(2);
        const w = badge.text.textContent.length * 5.5 + 8;  // a monospace font: no layout
        badge.rect.setAttribute("width", String(w));
        badge.rect.setAttribute("x", String(badge.right - w));
        badge.text.setAttribute("x", String(badge.right - w + 4));
        badge.g.classList.toggle("changed", changed);
      }
    }
    for (const r of model.relations) {
      // A relation that takes no effect (grounded) fades, as in `argmap render --evaluate`.
      const node = document.getElementById(r.node);
      if (node) node.classList.toggle("no-effect", state.current.effective[r.id] === false);
    }
    for (const item of items) {
      if (!item.claim) continue;
      const { label, strength } = marksOf(item.claim.id);
      item.marks.replaceChildren(el("span", { className: "lab-" + label, text: label }), " " + strength.toFixed(2));
      item.marks.setAttribute("aria-hidden", "true");
      item.li.classList.toggle("changed", isChanged(item.claim.id));
      describe(item);
    }
  }

  reset.addEventListener("click", () => {
    state.assume = {};
    state.baseScores = {};
    recompute();
  });
  strengthPick.addEventListener("change", () => {
    state.strength = strengthPick.value;
    paint();
    if (state.selected) showDetails(claimsById.get(state.selected));
  });

  // -- search -----------------------------------------------------------------------------
  function runSearch(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    for (const c of model.claims) {
      const node = document.getElementById(c.node);
      if (node) node.classList.remove("match");
    }
    for (const item of items) item.li.classList.remove("match");
    state.matches = words.length
      ? model.claims.filter((c) => {
        const hay = (c.text + " " + c.id + " " + c.tags.join(" ")).toLowerCase();
        return c.id.toLowerCase() === query.trim().toLowerCase() || words.every((w) => hay.includes(w));
      }).map((c) => c.id)
      : [];
    state.matchAt = -1;
    for (const id of state.matches) {
      const node = document.getElementById(claimsById.get(id).node);
      if (node) node.classList.add("match");
      const item = primary.get(id);
      if (item) item.li.classList.add("match");
    }
    count.textContent = words.length ? (state.matches.length ? state.matches.length + " found" : "none found") : "";
    return state.matches.slice();
  }

  function jump(delta) {
    if (!state.matches.length) return null;
    const n = state.matches.length;
    state.matchAt = ((state.matchAt + delta) % n + n) % n;
    count.textContent = state.matchAt + 1 + " of " + n;
    return select(state.matches[state.matchAt], { from: "search" });
  }

  search.addEventListener("input", () => runSearch(search.value));
  form.addEventListener("submit", (e) => { e.preventDefault(); });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); jump(e.shiftKey ? -1 : 1); }
    if (e.key === "Escape") { search.value = ""; runSearch(""); }
  });
  prev.addEventListener("click", () => jump(-1));
  next.addEventListener("click", () => jump(1));
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement !== search && !(e.target instanceof HTMLInputElement)) { e.preventDefault(); search.focus(); }
  });

  // -- start ------------------------------------------------------------------------------
  const roots = buildOutline();
  renderItems(roots, tree, 1);
  (function collect(list) { for (const item of list) { items.push(item); collect(item.children); } })(roots);
  if (items.length) items[0].li.tabIndex = 0;
  state.baseline = evaluateModel(model, "all", {}, {});
  state.current = state.baseline;
  // Read the layout once (the claims' boxes, the viewport), then write.
  const boxes = measureClaims();
  const readable = readableWidth();
  fit(false);
  if (model.theses.length && view.w > readable * 2.5) {
    // A map too big to read whole opens on its first thesis, near the top, at a readable
    // size (Fit shows all of it); computed from the boxes read above, with no new layout.
    const found = boxes.find(([claim]) => claim.id === model.theses[0]);
    const graph = svg.querySelector("g.graph");
    const shift = graph && graph.transform.baseVal.consolidate();
    if (found) {
      const [, , b] = found;
      const m = shift ? shift.matrix : new DOMMatrix();
      const x = m.a * b.x + m.e, y = m.d * b.y + m.f, bw = m.a * b.width;
      const w = Math.max(bw * 1.3, readable), h = w / (view.w / view.h);
      setView({ x: x + bw / 2 - w / 2, y: y - Math.min(h * 0.15, 40), w, h });
    }
  }
  placeBadges(boxes);
  paint();
  if (model.theses.length) select(model.theses[0], { from: "start", stay: true });
  else details.append(el("p", { className: "note", text: "Select a claim to see its details." }));

  window.argmap = Object.freeze({
    model,
    evaluate: (semantics, assume, baseScores) => evaluateModel(model, semantics, assume, baseScores),
    evaluateModel,
    select: (id) => select(id, { from: "script" }),
    selected: () => state.selected,
    search: (query) => { search.value = query; return runSearch(query); },
    next: () => jump(1),
    whatIf: (assume, baseScores) => {
      evaluateModel(model, "all", assume, baseScores);  // refuses a bad question first
      state.assume = { ...(assume || {}) };
      state.baseScores = { ...(baseScores || {}) };
      recompute();
      return state.current;
    },
    fit: () => fit(false),
    readyAt: performance.now(),
  });
  app.setAttribute("aria-busy", "false");
  document.documentElement.setAttribute("data-ready", "true");
})();
