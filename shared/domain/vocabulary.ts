/**
 * The closed vocabularies of the domain, each with the words a counsel reads on screen and in
 * print. Stored values are stable identifiers; labels may be reworded freely.
 */
function labelled<const T extends string>(labels: Record<T, string>) {
  const values = Object.keys(labels) as [T, ...T[]];
  return { values, labels, options: values.map((value) => ({ value, label: labels[value] })) };
}

export const disputeStatus = labelled({
  assessment: 'Assessment',
  active: 'Active',
  stayed: 'Stayed',
  appeal: 'On appeal',
  settled: 'Settled',
  closed: 'Closed',
});

export const ourRole = labelled({
  plaintiff: 'Plaintiff / claimant',
  defendant: 'Defendant / respondent',
  petitioner: 'Petitioner (invalidation)',
  'patent-owner': 'Patent owner (invalidation)',
  licensor: 'Licensor',
  licensee: 'Licensee',
  'third-party': 'Interested third party',
  observer: 'Not a party (monitoring)',
});

export const partyRole = labelled({
  plaintiff: 'Plaintiff',
  defendant: 'Defendant',
  claimant: 'Claimant',
  respondent: 'Respondent',
  petitioner: 'Petitioner',
  'patent-owner': 'Patent owner',
  appellant: 'Appellant',
  appellee: 'Appellee',
  intervenor: 'Intervenor',
  licensor: 'Licensor',
  licensee: 'Licensee',
  other: 'Other',
});

export const proceedingKind = labelled({
  infringement: 'Infringement action',
  invalidation: 'Invalidation / validity challenge',
  'declaratory-judgment': 'Declaratory judgment',
  'rate-setting': 'FRAND rate setting',
  'anti-suit': 'Anti-suit injunction',
  'trade-commission': 'Trade commission investigation',
  appeal: 'Appeal',
  arbitration: 'Arbitration',
  mediation: 'Mediation',
  other: 'Other',
});

export const proceedingStage = labelled({
  'pre-filing': 'Pre-filing',
  pleadings: 'Pleadings',
  discovery: 'Evidence / discovery',
  'claim-construction': 'Claim construction',
  hearing: 'Hearing / trial',
  decided: 'Decided',
  appeal: 'On appeal',
  stayed: 'Stayed',
  closed: 'Closed',
});

export const assertionStatus = labelled({
  asserted: 'Asserted',
  withdrawn: 'Withdrawn',
  infringed: 'Found infringed',
  'not-infringed': 'Found not infringed',
  valid: 'Upheld as valid',
  invalid: 'Held invalid',
  licensed: 'Licensed in settlement',
});

export const resolutionKind = labelled({
  settlement: 'Settlement',
  licence: 'Licence',
  'cross-licence': 'Cross-licence',
  dismissal: 'Dismissal',
  withdrawal: 'Withdrawal',
  judgment: 'Judgment',
  other: 'Other',
});

/** How a judgment went for our side; a judgment recorded before this was kept is "Not recorded". */
export const judgmentResult = labelled({
  'for-us': 'For us',
  'against-us': 'Against us',
  mixed: 'Mixed',
  'not-recorded': 'Not recorded',
});

export const licenceType = labelled({
  'non-exclusive': 'Non-exclusive licence',
  exclusive: 'Exclusive licence',
  'cross-licence': 'Cross-licence',
  'covenant-not-to-sue': 'Covenant not to sue',
  other: 'Other',
});

export const privilege = labelled({
  none: 'Not privileged',
  confidential: 'Confidential',
  'attorney-client': 'Privileged & Confidential — Attorney–Client Communication',
  'work-product': 'Attorney Work Product',
  'attorney-client-work-product':
    'Privileged & Confidential — Attorney–Client Communication / Attorney Work Product',
});

export const documentKind = labelled({
  complaint: 'Complaint',
  answer: 'Answer',
  motion: 'Motion',
  brief: 'Brief',
  order: 'Order',
  judgment: 'Judgment',
  'expert-report': 'Expert report',
  'claim-chart': 'Claim chart',
  exhibit: 'Exhibit',
  correspondence: 'Correspondence',
  'settlement-agreement': 'Settlement agreement',
  'licence-agreement': 'Licence agreement',
  other: 'Other',
});

export const textStatus = labelled({
  pending: 'Text not yet extracted',
  extracted: 'Text extracted',
  scanned: 'Scanned — no text',
  unreadable: 'Could not be read',
  'not-applicable': 'No text to extract',
});

export const noteKind = labelled({
  offer: 'Offer',
  'counter-offer': 'Counter-offer',
  meeting: 'Meeting',
  call: 'Call',
  mediation: 'Mediation',
  'term-sheet': 'Term sheet',
  'internal-assessment': 'Internal assessment',
  other: 'Other',
});

export const deadlineKind = labelled({
  hearing: 'Hearing',
  'filing-deadline': 'Filing deadline',
  'statutory-period': 'Statutory period',
  'response-due': 'Response due',
  meeting: 'Meeting',
  other: 'Other',
});

export type DisputeStatus = (typeof disputeStatus.values)[number];
export type OurRole = (typeof ourRole.values)[number];
export type PartyRole = (typeof partyRole.values)[number];
export type ProceedingKind = (typeof proceedingKind.values)[number];
export type ProceedingStage = (typeof proceedingStage.values)[number];
export type AssertionStatus = (typeof assertionStatus.values)[number];
export type ResolutionKind = (typeof resolutionKind.values)[number];
export type LicenceType = (typeof licenceType.values)[number];
export type JudgmentResult = (typeof judgmentResult.values)[number];
export type Privilege = (typeof privilege.values)[number];
export type DocumentKind = (typeof documentKind.values)[number];
export type TextStatus = (typeof textStatus.values)[number];
export type NoteKind = (typeof noteKind.values)[number];
export type DeadlineKind = (typeof deadlineKind.values)[number];

/**
 * The words for each field of each audited record, as its form labels it: History says
 * "Matter number", never `matterNumber`. Nested fields are named by their dotted path. A unit
 * test (history-format.test.ts) checks that every field of every schema has its words here.
 */
export const fieldLabels = {
  dispute: {
    title: 'Title',
    matterNumber: 'Matter number',
    ourRole: 'Our role',
    status: 'Status',
    summary: 'Summary',
    tags: 'Tags',
    privilege: 'Privilege label',
    openedOn: 'Opened',
    closedOn: 'Closed',
    resolution: 'Outcome',
    'resolution.kind': 'Outcome',
    'resolution.date': 'Date of the outcome',
    'resolution.judgmentResult': 'Judgment result',
    'resolution.text': 'Resolution text',
    'resolution.licence': 'Licence terms',
    'resolution.licence.type': 'Licence type',
    'resolution.licence.scope': 'Licence scope',
    'resolution.licence.territory': 'Licence territory',
    'resolution.licence.term': 'Licence term',
    'resolution.licence.consideration': 'Licence consideration',
    beforeOutcome: 'Before the outcome',
    'beforeOutcome.status': 'Status before the outcome',
    'beforeOutcome.closedOn': 'Closed date before the outcome',
    exhibitScheme: 'Exhibit numbering',
    'exhibitScheme.prefix': 'Exhibit prefix',
    'exhibitScheme.start': 'First exhibit number',
  },
  organisation: { name: 'Name', country: 'Country', notes: 'Notes', aliases: 'Also known as' },
  party: {
    organisationId: 'Organisation',
    role: 'Role',
    ourSide: 'Our side',
    outsideCounsel: 'Outside counsel',
    notes: 'Notes',
  },
  proceeding: {
    kind: 'Kind',
    forum: 'Forum or court',
    country: 'Country',
    caseNumber: 'Case number',
    judge: 'Judge or panel',
    filedOn: 'Filed',
    stage: 'Stage',
    closedOn: 'Closed',
    outcome: 'Outcome',
  },
  patent: {
    number: 'Patent number',
    jurisdiction: 'Jurisdiction',
    title: 'Patent title',
    ownerId: 'Owner',
    technology: 'Technology',
    family: 'Patent family',
    expiresOn: 'Expires',
    sep: 'Standard-essential (SEP)',
  },
  assertion: {
    proceedingId: 'Asserted in',
    patentId: 'Patent',
    claims: 'Claims asserted',
    status: 'How it fared',
    notes: 'Notes',
  },
  document: {
    proceedingId: 'Proceeding',
    title: 'Title',
    kind: 'Kind',
    filedOn: 'Filed',
    docketEntry: 'Docket entry',
    filedBy: 'Filed by',
    language: 'Language',
    privilege: 'Privilege label',
    notes: 'Notes',
    fileName: 'File name',
    mimeType: 'File type',
    size: 'Size',
    sha256: 'SHA-256',
    pageCount: 'Pages',
    textStatus: 'Text',
    email: 'E-mail',
    'email.from': 'From',
    'email.to': 'To',
    'email.cc': 'Cc',
    'email.sentAt': 'Sent',
    'email.subject': 'Subject',
    emailId: 'Attached to the e-mail',
    receivedOn: 'Received',
    exhibitOrder: 'Exhibit position',
  },
  note: {
    date: 'Date',
    kind: 'Kind',
    participants: 'Who took part',
    amount: 'Amount',
    currency: 'Currency',
    title: 'Title',
    body: 'Note',
    documentIds: 'Linked documents',
    privilege: 'Privilege label',
    recordsResolution: 'Records the outcome',
  },
  deadline: {
    proceedingId: 'Proceeding',
    date: 'Date',
    time: 'Time',
    timeZone: 'Time zone',
    kind: 'Kind',
    title: 'Title',
    responsible: 'Responsible person',
    reminderDays: 'Reminder (days before)',
    done: 'Done',
  },
} as const satisfies Record<string, Record<string, string>>;

export type AuditedEntity = keyof typeof fieldLabels;
