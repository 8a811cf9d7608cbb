import type { ReactNode } from 'react';
import type { InlineNode } from './inline-markdown';
import { parseInlineMarkdown } from './inline-markdown';
import './inline-markdown.css';

function renderNodes(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.value;
      case 'code':
        return <code key={index}>{node.value}</code>;
      case 'strong':
        return <strong key={index}>{renderNodes(node.children)}</strong>;
      case 'em':
        return <em key={index}>{renderNodes(node.children)}</em>;
      case 'mark':
        return (
          <mark key={index} className="key-value">
            {renderNodes(node.children)}
          </mark>
        );
      case 'del':
        return <del key={index}>{renderNodes(node.children)}</del>;
      case 'link':
        // Text only, no href: the app is offline, and no imported URL may become clickable.
        return (
          <span key={index} className="link-text">
            {renderNodes(node.children)}
          </span>
        );
    }
  });
}

/**
 * Imported text with its inline Markdown shown as formatting. Everything is
 * rendered as React text nodes and a fixed set of elements, never as HTML.
 */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{renderNodes(parseInlineMarkdown(text))}</>;
}
