import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets a CSS custom property on the element through the CSSOM, never through a `style` attribute: a
 * page whose Content-Security-Policy has no `'unsafe-inline'` style source blocks every inline style
 * attribute (Lit's `styleMap` writes one on first render), not what scripts set with `style.setProperty`.
 */
class CssPropertyDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperty() belongs on an element');
  }

  render(_name: string, _value: string): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [string, string]): typeof noChange {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperty = directive(CssPropertyDirective);
