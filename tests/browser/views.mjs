// Every view of the app, as a first visit opens it: the list the quality gates walk.
export const VIEWS = [
  ['library', ''],
  ['reader', '?view=read&doc=encyclopedia-later'],
  ['original', '?view=read&doc=source-of-hope&original=1'],
  ['comparison', '?view=compare&a=encyclopedia-earlier&b=encyclopedia-later'],
  ['glossary', '?view=glossary'],
  ['figures', '?view=figures'],
  ['quantity', '?view=figures&quantity=residents'],
  ['search', '?view=search&q=troll'],
  ['claims', '?view=claims'],
  ['claims filtered', '?view=claims&topic=raid&sort=contested'],
  ['claim', '?view=claim&id=troll-farm'],
  ['lineage', '?view=lineage'],
  ['questions', '?view=questions'],
  ['my notes', '?view=notes'],
  ['predict first', '?view=figures&quantity=residents&predict=1'],
  ['reader with a claim', '?view=read&doc=encyclopedia-earlier&claim=troll-farm'],
  // Its highlighted terms include one in a muted caption.
  ['reader with a term', '?view=read&doc=home-to-mek&term=mek'],
  ['not found', '?view=read&doc=nope'],
];
export const ALL = [...VIEWS, ...VIEWS.map(([name, path]) => [`${name} (embed)`, `${path}${path ? '&' : '?'}embed=1`])];
