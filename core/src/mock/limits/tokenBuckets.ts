interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets as API Gateway throttles with them: a bucket holds at most `burst` tokens,
 * refills at `rate` per second, and each request takes one; a request finding it empty is
 * throttled. A full bucket is where every key starts.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes a token from bucket `key`; false when there is none left. */
  take(key: string, rate: number, burst: number, now = Date.now()): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: burst, at: now };
      this.buckets.set(key, bucket);
    }
    // Limits may change on reload: the bucket never holds more than the current burst.
    const refill = now > bucket.at ? ((now - bucket.at) / 1000) * rate : 0;
    bucket.tokens = Math.min(burst, bucket.tokens + refill);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
