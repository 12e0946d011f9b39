// Every view of the app, as a first visit opens it: the list the quality gates walk.
const ASSIGNMENT = '1.eyJpIjoidmlld3MtMSIsInYiOjEsInQiOiJXZWVrIDM6IHdobyBjb3VudHMgdGhlIHJlc2lkZW50cz8iLCJuIjoiUmVhZCB0aGUgdHdvIGVuY3ljbG9wZWRpYSByZXZpc2lvbnMgZmlyc3QuIiwiZCI6IkZyaWRheSIsImUiOnRydWUsInEiOlt7ImciOiJyZXNpZGVudHMtZXN0aW1hdGUifSx7ImciOiJ3aG8td3JvdGUifSx7Im8iOnsiayI6ImMxIiwicCI6IldoaWNoIHNvdXJjZSB3b3VsZCB5b3UgcXVvdGUsIGFuZCB3aHk_IiwibCI6W3siYyI6InRyb2xsLWZhcm0ifSx7InAiOlsibGVuZHMtaG9wZSIsInAzIl19LCJsIl19fV19.49a56f84';

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
  // An assignment (issue 32): two guided questions and one of the teacher's own, estimates first.
  ['assignments for teachers', 'teacher/'],
  ['assignment', `assignment/?a=${ASSIGNMENT}`],
  ['assignment to edit and review', `teacher/?a=${ASSIGNMENT}`],
];
export const ALL = [...VIEWS, ...VIEWS.map(([name, path]) => [`${name} (embed)`, `${path}${path.includes('?') ? '&' : '?'}embed=1`])];
