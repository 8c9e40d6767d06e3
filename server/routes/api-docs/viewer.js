// A small, dependency-free renderer of the OpenAPI document (no CDN: the CSP allows only 'self').
(async () => {
  const main = document.getElementById('operations');
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  };
  let doc;
  try {
    const response = await fetch('/api/openapi.json', { headers: { accept: 'application/json' } });
    doc = await response.json();
  } catch {
    main.replaceChildren(el('p', {}, 'The OpenAPI document could not be loaded.'));
    return;
  }
  document.getElementById('title').textContent = `${doc.info.title} ${doc.info.version}`;
  document.getElementById('description').textContent = doc.info.description ?? '';

  const resolve = (schema) => {
    if (schema && schema.$ref) return doc.components.schemas[schema.$ref.split('/').pop()];
    return schema;
  };
  // A readable example built from the schema, expanding references.
  const sample = (schema, depth = 0) => {
    schema = resolve(schema) ?? {};
    if (depth > 6) return '…';
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.const !== undefined) return schema.const;
    const types = [].concat(schema.type ?? (schema.properties ? 'object' : 'string'));
    const type = types.find((t) => t !== 'null') ?? 'null';
    if (type === 'object') {
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]),
      );
    }
    if (type === 'array') return [sample(schema.items, depth + 1)];
    if (type === 'integer' || type === 'number') return 0;
    if (type === 'boolean') return true;
    return type === 'null' ? null : 'string';
  };
  const fields = (schema) => {
    schema = resolve(schema);
    if (!schema || !schema.properties) return null;
    const required = new Set(schema.required ?? []);
    const rows = Object.entries(schema.properties).map(([name, prop]) => {
      const p = resolve(prop) ?? {};
      const type = p.enum
        ? p.enum.map((v) => JSON.stringify(v)).join(' | ')
        : [].concat(p.type ?? 'object').join(' | ');
      return el(
        'tr',
        {},
        el('td', {}, el('code', {}, name)),
        el('td', {}, type),
        el('td', {}, required.has(name) ? 'required' : 'optional'),
        el('td', { class: 'muted' }, p.description ?? ''),
      );
    });
    return el('table', {}, el('tbody', {}, ...rows));
  };

  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  const sections = [];
  for (const [tag, operations] of byTag) {
    sections.push(el('h2', {}, tag));
    for (const { path, method, op } of operations) {
      const details = el(
        'details',
        { id: `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}` },
        el(
          'summary',
          {},
          el('span', { class: `method ${method}` }, method),
          ' ',
          el('span', { class: 'path' }, path),
          ' — ',
          op.summary ?? '',
        ),
      );
      if (op.description) details.append(el('p', {}, op.description));
      if (op.security)
        details.append(el('p', {}, 'Requires ', el('code', {}, 'Authorization: Bearer <sessionToken>'), '.'));
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) {
        details.append(el('h3', {}, 'Request body (JSON)'));
        const table = fields(body.schema);
        if (table) details.append(table);
        details.append(el('pre', {}, JSON.stringify(sample(body.schema), null, 2)));
      }
      for (const parameter of op.parameters ?? []) {
        details.append(
          el('p', {}, el('code', {}, `${parameter.in}: ${parameter.name}`), ' ', parameter.description ?? ''),
        );
      }
      details.append(el('h3', {}, 'Responses'));
      for (const [status, response] of Object.entries(op.responses)) {
        const json = response.content && response.content['application/json'];
        details.append(el('p', {}, el('strong', {}, status), ' ', response.description ?? ''));
        if (json) details.append(el('pre', {}, JSON.stringify(sample(json.schema), null, 2)));
      }
      sections.push(details);
    }
  }
  main.replaceChildren(...sections);
})();
