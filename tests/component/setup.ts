import '@testing-library/jest-dom/vitest';

// jsdom has <dialog> but none of its methods: enough of them for components that ask first.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
	Object.assign(HTMLDialogElement.prototype, {
		returnValue: '',
		show(this: HTMLDialogElement) {
			this.setAttribute('open', '');
		},
		showModal(this: HTMLDialogElement) {
			this.setAttribute('open', '');
		},
		close(this: HTMLDialogElement, returnValue?: string) {
			if (!this.hasAttribute('open')) return;
			if (returnValue !== undefined) this.returnValue = returnValue;
			this.removeAttribute('open');
			this.dispatchEvent(new Event('close'));
		}
	});
}
