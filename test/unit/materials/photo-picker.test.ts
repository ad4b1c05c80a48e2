import fc from 'fast-check'
import Taro from '@tarojs/taro'
import { copyText } from '../../../src/services/clipboard'
import { choosePhoto, drawSize, pickerFailure, PhotoError, readPhotoPixels } from '../../../src/services/photo-picker'
import { photoKindFor } from '../../../src/filing/photo-check/photo-kinds'

afterEach(() => {
  jest.restoreAllMocks()
  process.env.TARO_ENV = 'h5'
})

describe('choosePhoto', () => {
  it('asks for one original image from the album or the camera', async () => {
    const spy = jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      type: 'image',
      errMsg: 'chooseMedia:ok',
      tempFiles: [
        {
          tempFilePath: 'wxfile://tmp_a1.jpeg',
          size: 812_000,
          fileType: 'image',
          width: 0,
          height: 0,
          duration: 0,
          thumbTempFilePath: ''
        }
      ]
    })
    const photo = await choosePhoto()
    expect(spy).toHaveBeenCalledWith({
      count: 1,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['original']
    })
    // the mini-programs name no MIME type: the temp path's extension tells the format
    expect(photo).toEqual({
      path: 'wxfile://tmp_a1.jpeg',
      size: 812_000,
      format: 'wxfile://tmp_a1.jpeg',
      width: undefined,
      height: undefined
    })
  })

  it('takes the MIME type and pixel size Taro H5 reports', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      type: 'image',
      errMsg: 'chooseMedia:ok',
      tempFiles: [
        {
          tempFilePath: 'blob:http://x/1',
          size: 1000,
          fileType: 'image/png',
          width: 1280,
          height: 720,
          duration: 0,
          thumbTempFilePath: ''
        }
      ]
    })
    expect(await choosePhoto()).toEqual({
      path: 'blob:http://x/1',
      size: 1000,
      format: 'image/png',
      width: 1280,
      height: 720
    })
  })

  it('calls a picker that returned no file unreadable', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ type: 'image', errMsg: 'chooseMedia:ok', tempFiles: [] })
    await expect(choosePhoto()).rejects.toMatchObject({ reason: 'unreadable' })
  })

  it.each([
    [{ errMsg: 'chooseMedia:fail cancel' }, 'cancelled'],
    [{ errMsg: 'cancel' }, 'cancelled'],
    [{ errMsg: 'abort' }, 'cancelled'],
    [{ errMsg: 'chooseMedia:fail auth deny' }, 'denied'],
    [{ errMsg: 'chooseMedia:fail privacy permission is not authorized' }, 'denied'],
    [new Error('boom'), 'failed'],
    ['chooseMedia:fail system error', 'failed']
  ])('sorts the picker failure %j as %s', async (failure, reason) => {
    expect(pickerFailure(failure)).toMatchObject({ reason })
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValue(failure)
    const error = await choosePhoto().catch((e) => e)
    expect(error).toBeInstanceOf(PhotoError)
    expect(error.reason).toBe(reason)
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('readPhotoPixels on the mini-programs', () => {
  function fakeCanvas() {
    const ctx = {
      drawImage: jest.fn(),
      getImageData: jest.fn((_x: number, _y: number, w: number, h: number) => ({
        data: new Uint8ClampedArray(w * h * 4).fill(7)
      }))
    }
    const canvas = {
      width: 300,
      height: 150,
      getContext: jest.fn(() => ctx),
      createImage: jest.fn(() => {
        const image: { src: string; onload: null | (() => void); onerror: null | (() => void) } = {
          src: '',
          onload: null,
          onerror: null
        }
        return new Proxy(image, {
          set(target, key, value) {
            ;(target as Record<string | symbol, unknown>)[key] = value
            if (key === 'src') setTimeout(() => (value.includes('broken') ? target.onerror?.() : target.onload?.()), 0)
            return true
          }
        })
      })
    }
    return { canvas, ctx }
  }

  it('draws a 4000×3000 photo at 1024 px on an offscreen 2d canvas and keeps the original size', async () => {
    process.env.TARO_ENV = 'weapp'
    const { canvas, ctx } = fakeCanvas()
    jest.spyOn(Taro, 'getImageInfo').mockResolvedValue({ width: 4000, height: 3000 } as never)
    const create = jest.spyOn(Taro, 'createOffscreenCanvas').mockReturnValue(canvas as never)
    const pixels = await readPhotoPixels('wxfile://tmp_1.jpg', 1024)
    expect(create).toHaveBeenCalledWith({ type: '2d', width: 1024, height: 768 })
    expect(canvas).toMatchObject({ width: 1024, height: 768 })
    expect(ctx.drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 1024, 768)
    expect(pixels).toMatchObject({ width: 1024, height: 768, originalWidth: 4000, originalHeight: 3000 })
    expect(pixels.data).toHaveLength(1024 * 768 * 4)
  })

  it.each([
    ['getImageInfo fails', 'wxfile://tmp_1.jpg', () => Promise.reject({ errMsg: 'getImageInfo:fail' })],
    ['the image does not load', 'wxfile://broken.heic', async () => ({ width: 100, height: 100 })]
  ])('calls the photo unreadable when %s', async (_name, path, info) => {
    process.env.TARO_ENV = 'tt'
    jest.spyOn(Taro, 'getImageInfo').mockImplementation(info as never)
    jest.spyOn(Taro, 'createOffscreenCanvas').mockReturnValue(fakeCanvas().canvas as never)
    await expect(readPhotoPixels(path, 1024)).rejects.toMatchObject({ reason: 'unreadable' })
  })
})

describe('drawSize', () => {
  it('never enlarges, fits the longest side and keeps the shape (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12000 }),
        fc.integer({ min: 1, max: 12000 }),
        fc.integer({ min: 16, max: 4096 }),
        (w, h, max) => {
          const size = drawSize(w, h, max)
          expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(Math.max(max, 1))
          expect(size.width).toBeLessThanOrEqual(w)
          expect(size.height).toBeLessThanOrEqual(h)
          if (Math.max(w, h) <= max) expect(size).toEqual({ width: w, height: h })
          // rounding moves each side by at most one pixel
          const scale = Math.min(1, max / Math.max(w, h))
          expect(Math.abs(size.width - w * scale)).toBeLessThanOrEqual(1)
          expect(Math.abs(size.height - h * scale)).toBeLessThanOrEqual(1)
        }
      )
    )
  })
})

describe('photoKindFor', () => {
  it.each([
    ['face_check', '小程序负责人人脸核身', 'face'],
    [undefined, '负责人人脸照片', 'face'],
    ['owner_certificate', '主办单位证件（营业执照）', 'document'],
    ['verification_form', '备案真实性核验单', 'document'],
    [undefined, '', 'document']
  ])('%s / %s → %s', (id, title, kind) => {
    expect(photoKindFor(id, title)).toBe(kind)
  })
})

describe('copyText', () => {
  it('copies and confirms with 已复制', async () => {
    const set = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    await expect(copyText('授权书全文')).resolves.toBe(true)
    expect(set).toHaveBeenCalledWith({ data: '授权书全文' })
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已复制' }))
  })

  it('tells the user to copy by hand when the platform refuses', async () => {
    jest.spyOn(Taro, 'setClipboardData').mockRejectedValue({ errMsg: 'setClipboardData:fail' })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    await expect(copyText('x')).resolves.toBe(false)
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: expect.stringContaining('手动复制') }))
  })
})
