/** Numeric formats for weights and the KV cache, with their bytes per element. Pure data. */
export const DTYPES = { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, int4: 0.5 } as const;
export type Dtype = keyof typeof DTYPES;
export const DTYPE_NAMES = Object.keys(DTYPES) as Dtype[];

/**
 * Bytes per KV-cache element when weights use `dtype`. Weight-only int8/int4 quantisation keeps
 * 16-bit activations, so its cache stays 16-bit; fp8 serving (H100 and later) can cache in fp8.
 */
export function kvBytesPerElement(dtype: Dtype): number {
  return dtype === 'int8' || dtype === 'int4' ? 2 : DTYPES[dtype];
}
