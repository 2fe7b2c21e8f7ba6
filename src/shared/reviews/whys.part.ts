/** Five whys (F4): chains from a symptom to a systemic, fixable cause. */
import { emphasis, heading, list, paragraph, section, strong, text, type Block } from './markdown/mdast.js';
import { definePart } from './review-part.js';

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export const whysPart = definePart({
  key: 'whys',
  label: 'Five whys',
  count: ({ whys }) => whys.length,
  markdown(doc) {
    if (doc.whys.length === 0) return section('Five whys', paragraph(emphasis(text('No five-whys chains yet.'))));
    const titles = new Map(doc.factors.map((f) => [f.id, oneLine(f.title)]));
    const chains = doc.whys.flatMap((chain): Block[] => {
      const steps = chain.steps.map((step) => [strong(text(oneLine(step.why))), text(' — '), step.because.trim() ? text(oneLine(step.because)) : emphasis(text('no answer yet'))]);
      const related = chain.factorIds.flatMap((id) => (titles.has(id) ? [titles.get(id)!] : []));
      return [
        heading(3, chain.title),
        list(steps, true),
        paragraph(strong(text('Systemic cause:')), text(' '), chain.systemicCause ? text(oneLine(chain.systemicCause)) : emphasis(text('not reached yet'))),
        ...(related.length ? [paragraph(text(`Related factors: ${related.join('; ')}`))] : []),
      ];
    });
    return section('Five whys', ...chains);
  },
  texts: ({ whys }) =>
    whys.flatMap((w) => [
      { field: `whys.${w.id}.title`, text: w.title },
      ...w.steps.flatMap((step, i) => [
        { field: `whys.${w.id}.steps.${i}.why`, text: step.why },
        { field: `whys.${w.id}.steps.${i}.because`, text: step.because },
      ]),
      { field: `whys.${w.id}.systemicCause`, text: w.systemicCause },
    ]),
});
