/**
 * The Fashion-MNIST class names, in core so that both the loader (lib/data) and the models that
 * caption the images (lib/deep, which may not import lib/data) share one list.
 *
 * @module
 */

/** The ten classes, indexed by label (d2l §3.5's `get_fashion_mnist_labels`). */
export const FASHION_MNIST_CLASSES: readonly string[] = Object.freeze([
  "t-shirt",
  "trouser",
  "pullover",
  "dress",
  "coat",
  "sandal",
  "shirt",
  "sneaker",
  "bag",
  "ankle boot",
]);
