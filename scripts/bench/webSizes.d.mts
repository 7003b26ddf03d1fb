export interface Size { raw: number; gzip: number }
export function webSizes(dist: string): Record<string, { initial: Size; files: number; lazy: ({ name: string } & Size)[] }>;
