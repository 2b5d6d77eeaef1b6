// Collects items added during one tick of the event loop and hands them over together, so a
// burst of webhook deliveries costs one Redis round trip instead of one per delivery.
export function tickBatcher<T>(flush: (items: T[]) => Promise<void> | void, maxBatch = 500): (item: T) => void {
  let items: T[] = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    const batch = items;
    items = [];
    if (batch.length > 0) void flush(batch);
  };
  return (item) => {
    items.push(item);
    if (items.length >= maxBatch) run();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(run);
    }
  };
}
