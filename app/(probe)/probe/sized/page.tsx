/**
 * A bare static page about the size of the portal's home page (30 KB of HTML with its inline payload):
 * the benchmark's second baseline, which separates the cost of the portal's layout and routing from the
 * cost of sending more bytes.
 */
const PARAGRAPHS = Array.from({ length: 36 }, (_, i) => `${i + 1}. ${"lorem ipsum dolor sit amet ".repeat(7)}`);

export default function SizedProbePage() {
  return (
    <div>
      {PARAGRAPHS.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}
