/** Numeric formats for weights and the KV cache, with their bytes per element, and what a GPU runs natively. Pure. */
import type { GpuPreset } from './presets.js';

export const DTYPES = { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, int4: 0.5, fp4: 0.5 } as const;
export type Dtype = keyof typeof DTYPES;
export const DTYPE_NAMES = Object.keys(DTYPES) as Dtype[];

/**
 * Bytes per KV-cache element when weights use `dtype`. Weight-only int8/int4 quantisation keeps
 * 16-bit activations, so its cache stays 16-bit; fp8 serving (H100 and later) caches in fp8, and
 * fp4 serving (Blackwell, CDNA 4) keeps an fp8 cache.
 */
export function kvBytesPerElement(dtype: Dtype): number {
  if (dtype === 'int8' || dtype === 'int4') return 2;
  if (dtype === 'fp4') return 1;
  return DTYPES[dtype];
}

/** The formats a GPU's matrix units run natively (from the preset, else fp32/fp16/bf16 plus what its TFLOPS fields show). */
export function nativeDtypes(gpu: GpuPreset): Dtype[] {
  if (gpu.dtypes) return gpu.dtypes;
  const d: Dtype[] = ['fp32', 'bf16', 'fp16'];
  if (gpu.fp8Tflops) d.push('fp8');
  if (gpu.int8Tops) d.push('int8');
  if (gpu.fp4Tflops) d.push('fp4');
  return d;
}

/**
 * Dense peak TFLOP/s for matrix maths in `dtype` on `gpu`, and whether that format is native. A
 * format the chip lacks (fp8 on an A100, fp4 on an H100) is unpacked and computed in 16 bits.
 */
export function peakTflops(gpu: GpuPreset, dtype: Dtype): { tflops: number; native: boolean; computedAs: string } {
  const native = nativeDtypes(gpu).includes(dtype);
  if (native && dtype === 'fp4' && gpu.fp4Tflops) return { tflops: gpu.fp4Tflops, native, computedAs: 'FP4' };
  if (native && dtype === 'fp8' && gpu.fp8Tflops) return { tflops: gpu.fp8Tflops, native, computedAs: 'FP8' };
  if (native && (dtype === 'int8' || dtype === 'int4') && gpu.int8Tops) return { tflops: gpu.int8Tops, native, computedAs: 'INT8' };
  return { tflops: gpu.bf16Tflops, native, computedAs: 'BF16' };
}
