import { useId, useState } from 'react';
import type { SamplePack } from './sample-packs';

/**
 * The bundled sample packs as one radio group (a single Tab stop; arrows move
 * through it), each with what it is for, and buttons to preview the chosen one
 * or all of them.
 */
export function SampleList({
  samples,
  onChoose,
  onChooseAll,
}: {
  samples: readonly SamplePack[];
  onChoose: (sample: SamplePack) => void;
  onChooseAll: () => void;
}) {
  const name = useId();
  const legendId = useId();
  const [chosen, setChosen] = useState(samples[0]?.fileName);
  const chosenSample = samples.find((sample) => sample.fileName === chosen);

  return (
    <div className="sample-list-wrap">
      <fieldset className="sample-choice" aria-labelledby={legendId}>
        <legend id={legendId} className="visually-hidden">
          Sample packs
        </legend>
        <ul className="sample-list">
          {samples.map((sample) => (
            <li key={sample.fileName}>
              <label className={`sample${sample.fileName === chosen ? ' sample-chosen' : ''}`}>
                <input
                  type="radio"
                  name={name}
                  value={sample.fileName}
                  checked={sample.fileName === chosen}
                  onChange={() => setChosen(sample.fileName)}
                />
                <span className="sample-text">
                  <span className="sample-name mono">{sample.fileName}</span>
                  <span className="sample-format">{sample.format}</span>
                  <span className="sample-description">{sample.description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!chosenSample}
          onClick={() => chosenSample && onChoose(chosenSample)}
        >
          Preview this sample
        </button>
        <button type="button" className="button" onClick={onChooseAll}>
          Preview all {samples.length} samples
        </button>
      </div>
    </div>
  );
}
