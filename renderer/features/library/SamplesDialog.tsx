import { ModalDialog } from './ModalDialog';
import { SampleList } from './SampleList';
import type { SamplePack } from './sample-packs';

/** "Try a sample pack": the bundled samples; choosing one (or all) opens the usual preview. */
export function SamplesDialog({
  samples,
  onChoose,
  onClose,
}: {
  samples: readonly SamplePack[];
  onChoose: (samples: readonly SamplePack[]) => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog title="Try a sample pack" onClose={onClose} className="samples-dialog">
      <div className="modal-body">
        <p className="muted">Packs about running ML systems, in every format Kata reads. You see a preview before anything is saved.</p>
        <SampleList samples={samples} onChoose={(sample) => onChoose([sample])} onChooseAll={() => onChoose(samples)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
