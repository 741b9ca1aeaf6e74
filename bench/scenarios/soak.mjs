export async function p7() { throw new Error('not written yet'); }
