import { makeDocx } from './docx.js';
import { makePhoto } from './photos.js';

/** fixtures/summer-fair-newsletter.docx, as written by `makeDocx` (a test checks it still is). */
export const summerFairNewsletter = () =>
  makeDocx([
    { heading: 'Summer Fair: thank you!' },
    { paragraph: 'Thank you to every family who came along on Saturday and helped us raise £1,240 for new library books.', comment: 'Check the total with the office' },
    { paragraph: 'Zoë O’Connor and her mum ran the cake stall all afternoon. For next year, text Mrs Kaur on 07700 900461.' },
    { table: [['Stall', 'Raised'], ['Cakes', '£310'], ['Tombola', '£280']] },
    { image: makePhoto({ gps: { latitude: 52.6525, longitude: -1.1745 } }), alt: 'Families at the tombola stall' },
    { caption: 'The tombola queue at 2pm' },
    { list: 'The library books arrive in September.' },
  ]);
