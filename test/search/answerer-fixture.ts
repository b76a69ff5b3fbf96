import { ConceptSchema, type KbRecord, type KnowledgeBase } from '../../server/kb/schema.js';

/**
 * A small knowledge base with known tags, translations and a superseded record, so filter,
 * language and ranking behaviour can be asserted exactly (the repository KB changes as
 * editors and translators work).
 */

function record(
  id: string,
  th: [string, string],
  en: [string, string],
  tags: Partial<KbRecord['tags']>,
  extra: Partial<KbRecord> = {},
): KbRecord {
  const [document, section, number] = id.split('/') as [string, string, string];
  return {
    id,
    source: { document, section, number: Number(number) },
    question: { th: th[0], en: en[0] },
    answer: { th: th[1], en: en[1] },
    alternates: { th: [], en: [] },
    tags: { years: [], indicators: [], ...tags },
    ...extra,
  };
}

export const fixtureKb: KnowledgeBase = {
  documents: [
    {
      id: 'old-guide',
      title: { th: 'แนวทางการประเมิน ปี 2564', en: 'Assessment guideline 2564' },
      date: '2020-09-11',
      fiscalYears: [2564],
      audience: ['province'],
      sourceFile: 'old.txt',
      sections: [{ slug: 'general', title: { th: 'ทั่วไป', en: 'General' } }],
    },
    {
      id: 'new-guide',
      title: { th: 'แนวทางการประเมิน ปี 2565', en: '' },
      date: '2021-09-10',
      fiscalYears: [2565],
      audience: ['agency'],
      sourceFile: 'new.txt',
      sections: [
        { slug: 'e-service', title: { th: 'ตัวชี้วัด e-service', en: 'e-Service indicator' } },
        { slug: 'data-catalog', title: { th: 'ตัวชี้วัด Data catalog', en: 'Data catalog indicator' } },
      ],
    },
  ],
  records: [
    record(
      'old-guide/general/1',
      ['การเปิดเผยข้อมูลภาครัฐ (Open Data) ต้องเปิดเผยกี่ชุดข้อมูล', 'ให้เปิดเผยชุดข้อมูลอย่างน้อย 3 ชุดข้อมูลบน data.go.th'],
      ['How many datasets must be published as open data?', 'Publish at least 3 datasets on data.go.th.'],
      { years: [2564], component: 'potential-base', indicators: ['open-data'], audience: 'province' },
      { supersededBy: 'new-guide/data-catalog/1' },
    ),
    record(
      'new-guide/data-catalog/1',
      ['การเปิดเผยชุดข้อมูลภาครัฐต้องเปิดเผยกี่ชุดข้อมูล', 'ให้เปิดเผยชุดข้อมูลที่อยู่ในบัญชีข้อมูลอย่างน้อย 5 ชุดข้อมูลบน data.go.th'],
      ['', ''],
      { years: [2565], component: 'potential-base', indicators: ['data-catalog'], audience: 'agency' },
    ),
    record(
      'new-guide/e-service/1',
      ['งานบริการ e-Service ต้องให้บริการผ่านระบบออนไลน์ครบทุกขั้นตอนหรือไม่', 'งานบริการต้องยื่นคำขอ ชำระค่าธรรมเนียม และรับเอกสารผ่านระบบออนไลน์ได้'],
      ['Must an e-Service work online end to end?', 'Applications, fee payment and documents must all be available online.'],
      { years: [2565], component: 'potential-base', indicators: ['e-service'], audience: 'agency' },
    ),
    record(
      'new-guide/e-service/2',
      ['ระดับ L1 L2 L3 ของงานบริการคืออะไร', 'L1 คือยื่นคำขอออนไลน์ L2 คือชำระเงินออนไลน์ L3 คือออกเอกสารอิเล็กทรอนิกส์'],
      ['What are levels L1, L2 and L3 of a service?', 'L1 is online application, L2 online payment, L3 electronic documents.'],
      { years: [2565], component: 'potential-base', indicators: ['e-service'], audience: 'agency' },
    ),
  ],
  glossary: {
    concepts: [
      { id: 'e-service', th: ['บริการอิเล็กทรอนิกส์'], en: ['e-Service', 'electronic service'], transliterations: ['อีเซอร์วิส'], indicator: 'e-service' },
      { id: 'open-data', th: ['ข้อมูลเปิด', 'การเปิดเผยข้อมูลภาครัฐ'], en: ['Open Data'], indicator: 'open-data' },
      { id: 'dataset', th: ['ชุดข้อมูล'], en: ['dataset', 'datasets'] },
      { id: 'data-catalog', th: ['บัญชีข้อมูล'], en: ['Data Catalog'], indicator: 'data-catalog' },
    ].map((c) => ConceptSchema.parse(c)),
  },
};
