export async function p5() { throw new Error('not written yet'); }
export async function p6() { throw new Error('not written yet'); }
