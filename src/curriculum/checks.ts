/**
 * Checks the schema cannot express: ids unique across the whole curriculum, question ids owned
 * by their topic, answer keys that point at real options, outline numbers unique. Pure.
 */
import type { ParsedYaml, DataPath } from './yaml.js';
import type { Curriculum, Question } from './schema.js';
import type { PathProblem } from './build.js';

type Finder = (file: string) => ParsedYaml | undefined;

/** Returns one problem per violation, each pointing at the offending node. */
export function crossCheck(curriculum: Curriculum, find: Finder): PathProblem[] {
  const out: PathProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, file: string, path: DataPath) => {
    const parsed = find(file);
    const prior = seen.get(id);
    if (prior && parsed) out.push({ file: parsed, path, message: `duplicate id "${id}" (already used by ${prior})` });
    else seen.set(id, `${what} in ${file}`);
  };
  const numbers = new Map<number, string>();
  const moduleNumbers = new Set<number>();

  for (const mod of curriculum.modules) {
    const moduleFile = `${mod.dir}/module.yaml`;
    claim(mod.id, 'a module', moduleFile, ['id']);
    if (moduleNumbers.has(mod.number)) {
      const parsed = find(moduleFile);
      if (parsed) out.push({ file: parsed, path: ['number'], message: `duplicate module number ${mod.number}` });
    }
    moduleNumbers.add(mod.number);
    for (const section of mod.sections) {
      const parsed = find(section.file);
      if (!parsed) continue;
      claim(section.id, 'a section', section.file, ['id']);
      section.topics.forEach((topic, ti) => {
        const tp: DataPath = ['topics', ti];
        claim(topic.id, 'a topic', section.file, [...tp, 'id']);
        const prior = numbers.get(topic.number);
        if (prior) out.push({ file: parsed, path: [...tp, 'number'], message: `duplicate topic number ${topic.number} (already used by "${prior}")` });
        else numbers.set(topic.number, topic.id);
        topic.questions.forEach((q, qi) => {
          const qp: DataPath = [...tp, 'questions', qi];
          claim(q.id, 'a question', section.file, [...qp, 'id']);
          if (!q.id.startsWith(`${topic.id}.`)) {
            out.push({ file: parsed, path: [...qp, 'id'], message: `question id "${q.id}" must start with its topic id "${topic.id}."` });
          }
          for (const m of answerKeyProblems(q)) out.push({ file: parsed, path: [...qp, m.field], message: m.message });
        });
        if (topic.interview) {
          for (const m of interviewProblems(topic.interview)) out.push({ file: parsed, path: [...tp, 'interview', ...m.path], message: m.message });
        }
      });
    }
  }
  const topicIds = new Set(curriculum.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => t.id))));
  const capstoneIds = new Set([...topicIds].filter((id) => id.startsWith('capstone-')).map((id) => id.slice('capstone-'.length)));
  for (const p of curriculum.library ?? []) {
    const parsed = find(p.file);
    if (!parsed) continue;
    claim(p.id, 'a problem', p.file, ['id']);
    if (capstoneIds.has(p.id)) out.push({ file: parsed, path: ['id'], message: `problem id "${p.id}" is also a capstone's id` });
    p.topics.forEach((t, i) => {
      if (!topicIds.has(t)) out.push({ file: parsed, path: ['topics', i], message: `topic "${t}" is not a topic of this curriculum` });
    });
    for (const m of interviewProblems(p.interview)) out.push({ file: parsed, path: ['interview', ...m.path], message: m.message });
  }
  return out;
}

/** Answer keys that do not fit their options. */
export function answerKeyProblems(q: Question): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const range = (n: number, len: number) => Number.isInteger(n) && n >= 0 && n < len;
  switch (q.type) {
    case 'single':
      if (!range(q.answer, q.options.length)) out.push({ field: 'answer', message: `answer ${q.answer} is not an option index (0 to ${q.options.length - 1})` });
      break;
    case 'multi': {
      const bad = q.answers.filter((a) => !range(a, q.options.length));
      if (bad.length) out.push({ field: 'answers', message: `answers ${bad.join(', ')} not option indexes (0 to ${q.options.length - 1})` });
      if (new Set(q.answers).size !== q.answers.length) out.push({ field: 'answers', message: 'answers repeat an index' });
      break;
    }
    case 'order':
      if (new Set(q.items).size !== q.items.length) out.push({ field: 'items', message: 'items must be distinct so their order is well defined' });
      break;
    default:
      break;
  }
  if ('options' in q && new Set(q.options).size !== q.options.length) out.push({ field: 'options', message: 'options repeat the same text' });
  return out;
}

function interviewProblems(iv: NonNullable<Curriculum['modules'][number]['sections'][number]['topics'][number]['interview']>) {
  const out: { path: DataPath; message: string }[] = [];
  const phases = new Set(iv.phases.map((p) => p.id));
  const uniq = (list: { id: string }[], field: string) => {
    const ids = new Set<string>();
    list.forEach((x, i) => {
      if (ids.has(x.id)) out.push({ path: [field, i, 'id'], message: `duplicate ${field} id "${x.id}"` });
      ids.add(x.id);
    });
  };
  uniq(iv.phases, 'phases');
  uniq(iv.checklist, 'checklist');
  uniq(iv.clarifyingQuestions, 'clarifyingQuestions');
  uniq(iv.followUps, 'followUps');
  uniq(iv.rubric, 'rubric');
  iv.checklist.forEach((c, i) => {
    if (!phases.has(c.phase)) out.push({ path: ['checklist', i, 'phase'], message: `phase "${c.phase}" is not one of this interview's phases (${[...phases].join(', ')})` });
  });
  return out;
}
