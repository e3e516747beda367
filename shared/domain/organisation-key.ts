/** The key under which an organisation's name is unique: "Xiaomi  Corp." and "xiaomi corp." match. */
export function organisationKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}
