/** A school as fan-out needs it. */
export interface SchoolUnit {
  id: number;
  name: string;
  schoolKind: string | null;
}

// Who the notice means by each phrase. 各幼儿园 means kindergartens only and 各中小学 everything
// else; 各学校/各校/全区学校 mean every school. 区直各中小学 contains 各中小学, so it needs no entry.
const PHRASES: ReadonlyArray<{ phrase: string; includes: (school: SchoolUnit) => boolean }> = [
  { phrase: '各学校', includes: () => true },
  { phrase: '各校', includes: () => true },
  { phrase: '全区学校', includes: () => true },
  { phrase: '各中小学', includes: (school) => !isKindergarten(school) },
  { phrase: '各幼儿园', includes: isKindergarten },
];

/**
 * The schools an item's work fans out to: when its body names schools collectively (各学校, 各中小学,
 * 各校, 全区学校, 区直各中小学, 各幼儿园), every matching school of the directory gets its own copy
 * of the task; otherwise none. The phrases are the ones bureaus use to address all their schools.
 */
export function schoolsAddressedBy(body: string, schools: readonly SchoolUnit[]): SchoolUnit[] {
  const matching = PHRASES.filter((p) => body.includes(p.phrase));
  if (matching.length === 0) return [];
  return schools.filter((school) => matching.some((p) => p.includes(school)));
}

function isKindergarten(school: SchoolUnit): boolean {
  return school.schoolKind === '幼儿园' || school.name.endsWith('幼儿园');
}
