import type { ReactNode } from 'react';
import type { InlineNode } from '../../../shared/model';
import './inline-text.css';

/** Deeper trees are not made by the importers (they cap nesting); past this the rest shows as plain text. */
const MAX_DEPTH = 32;

function plain(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plain(node.children) : node.type === 'break' ? ' ' : '…')).join('');
}

function renderNodes(nodes: readonly InlineNode[], depth: number): ReactNode[] {
  return nodes.map((node, index) => {
    if ('children' in node && depth >= MAX_DEPTH) return plain(node.children);
    switch (node.type) {
      case 'text':
        return node.value;
      case 'code':
        return <code key={index}>{node.value}</code>;
      case 'break':
        return <br key={index} />;
      case 'blank':
        return (
          <span key={index} className="cloze-blank">
            <span className="visually-hidden">blank</span>
          </span>
        );
      case 'strong':
        return <strong key={index}>{renderNodes(node.children, depth + 1)}</strong>;
      case 'emphasis':
        return <em key={index}>{renderNodes(node.children, depth + 1)}</em>;
      case 'delete':
        return <del key={index}>{renderNodes(node.children, depth + 1)}</del>;
      case 'key':
        return (
          <mark key={index} className="key-value">
            {renderNodes(node.children, depth + 1)}
          </mark>
        );
      case 'link':
        // Text only, no href: the app is offline, and no imported URL may become clickable.
        return (
          <span key={index} className="link-text">
            {renderNodes(node.children, depth + 1)}
          </span>
        );
    }
  });
}

/**
 * Imported text (an inline tree: shared/model.ts InlineTree) with its formatting. Every
 * node becomes a React text node or one of a fixed set of elements; never HTML. Use it
 * wherever an item's text, a prompt or an answer is shown (`itemInline(item)` gives an
 * item's tree).
 */
export function InlineText({ tree }: { tree: readonly InlineNode[] }) {
  return <>{renderNodes(tree, 0)}</>;
}
