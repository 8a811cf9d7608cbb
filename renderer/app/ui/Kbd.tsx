/** A key combination, e.g. `Alt+1`, with each key in its own <kbd>. */
export function Kbd({ keys }: { keys: string }) {
  const parts = keys.split('+');
  return (
    <kbd className="kbd-combo">
      {parts.map((key, index) => (
        <span key={index}>
          {index > 0 ? '+' : null}
          <kbd>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}
